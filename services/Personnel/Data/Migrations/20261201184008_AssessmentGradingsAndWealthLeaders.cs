using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Personnel.Data.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentGradingsAndWealthLeaders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "published_as_wealth_leader",
                table: "people",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Wealth leaders registered before this column count as published: a replay request (Assessments' at its start) brings them.
            migrationBuilder.Sql("UPDATE people SET published_as_wealth_leader = (source = 'WealthLeader')");

            migrationBuilder.CreateTable(
                name: "assessment_gradings",
                columns: table => new
                {
                    grading_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    step = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_gradings", x => x.grading_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_gradings");

            migrationBuilder.DropColumn(
                name: "published_as_wealth_leader",
                table: "people");
        }
    }
}
