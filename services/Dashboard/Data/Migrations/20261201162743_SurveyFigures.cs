using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class SurveyFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "organization_visits",
                columns: table => new
                {
                    scope_entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    households = table.Column<int>(type: "integer", nullable: true),
                    visited_households = table.Column<int>(type: "integer", nullable: false),
                    in_scope = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organization_visits", x => x.scope_entry_id);
                });

            migrationBuilder.CreateTable(
                name: "survey_campaigns",
                columns: table => new
                {
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_campaigns", x => x.campaign_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_organization_visits_campaign_id_unit_id",
                table: "organization_visits",
                columns: new[] { "campaign_id", "unit_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "organization_visits");

            migrationBuilder.DropTable(
                name: "survey_campaigns");
        }
    }
}
