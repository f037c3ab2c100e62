using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Surveys.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProblemLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "problems",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    organization_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    said = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    raised_on = table.Column<DateOnly>(type: "date", nullable: false),
                    raised_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    computed_spread = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    spread_override = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    spread_override_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    spread_overridden_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    spread_overridden_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recurrence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    responsible_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    overdue_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_problems", x => x.id);
                    table.ForeignKey(
                        name: "fk_problems_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "problem_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    problem_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    author = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_problem_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_problem_notes_problems_problem_id",
                        column: x => x.problem_id,
                        principalTable: "problems",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "problem_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    problem_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    taken_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_problem_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_problem_steps_problems_problem_id",
                        column: x => x.problem_id,
                        principalTable: "problems",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_problem_notes_problem_id",
                table: "problem_notes",
                column: "problem_id");

            migrationBuilder.CreateIndex(
                name: "ix_problem_steps_problem_id_stage",
                table: "problem_steps",
                columns: new[] { "problem_id", "stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_problems_campaign_id_county_id_category",
                table: "problems",
                columns: new[] { "campaign_id", "county_id", "category" });

            migrationBuilder.CreateIndex(
                name: "ix_problems_campaign_id_unit_id",
                table: "problems",
                columns: new[] { "campaign_id", "unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_problems_deadline",
                table: "problems",
                column: "deadline",
                filter: "overdue_at IS NULL AND stage IN ('Assigned', 'InProgress')");

            migrationBuilder.CreateIndex(
                name: "ix_problems_organization_id_category",
                table: "problems",
                columns: new[] { "organization_id", "category" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "problem_notes");

            migrationBuilder.DropTable(
                name: "problem_steps");

            migrationBuilder.DropTable(
                name: "problems");
        }
    }
}
