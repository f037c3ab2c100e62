using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class SurveyProblemsAndClasses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "survey_classifications",
                columns: table => new
                {
                    classification_id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    @class = table.Column<string>(name: "class", type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_classifications", x => x.classification_id);
                });

            migrationBuilder.CreateTable(
                name: "survey_problems",
                columns: table => new
                {
                    problem_id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    overdue = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_problems", x => x.problem_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_survey_classifications_campaign_id_unit_id",
                table: "survey_classifications",
                columns: new[] { "campaign_id", "unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_problems_campaign_id_unit_id",
                table: "survey_problems",
                columns: new[] { "campaign_id", "unit_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "survey_classifications");

            migrationBuilder.DropTable(
                name: "survey_problems");
        }
    }
}
