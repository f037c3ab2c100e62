using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Assessments.Data.Migrations
{
    /// <inheritdoc />
    public partial class AwardsReportsAndStepVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "grading_steps",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "award_lists",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    confirmed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    places = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_award_lists", x => x.id);
                    table.ForeignKey(
                        name: "fk_award_lists_grading_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "grading_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "commitments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    step = table.Column<int>(type: "integer", nullable: false),
                    made_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    made_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rating = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    evaluated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    evaluated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "secretary_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    step = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reported_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    points = table.Column<decimal>(type: "numeric", nullable: true),
                    computed_result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    override_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    exam_score = table.Column<decimal>(type: "numeric", nullable: true),
                    concluded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    concluded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_secretary_reports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "special_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rating = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    evaluated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    evaluated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_special_reports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "commitment_progress",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    commitment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitment_progress", x => x.id);
                    table.ForeignKey(
                        name: "fk_commitment_progress_commitments_commitment_id",
                        column: x => x.commitment_id,
                        principalTable: "commitments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "secretary_report_ratings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    evaluator = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rating = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_secretary_report_ratings", x => x.id);
                    table.ForeignKey(
                        name: "fk_secretary_report_ratings_secretary_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "secretary_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_award_lists_round_id",
                table: "award_lists",
                column: "round_id");

            migrationBuilder.CreateIndex(
                name: "ix_award_lists_year_kind",
                table: "award_lists",
                columns: new[] { "year", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_commitment_progress_commitment_id",
                table: "commitment_progress",
                column: "commitment_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_unit_id_due_on",
                table: "commitments",
                columns: new[] { "unit_id", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_secretary_report_ratings_report_id_evaluator",
                table: "secretary_report_ratings",
                columns: new[] { "report_id", "evaluator" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_secretary_reports_post_id_year",
                table: "secretary_reports",
                columns: new[] { "post_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_secretary_reports_unit_id_year",
                table: "secretary_reports",
                columns: new[] { "unit_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_special_reports_county_id",
                table: "special_reports",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_special_reports_fact_id",
                table: "special_reports",
                column: "fact_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "award_lists");

            migrationBuilder.DropTable(
                name: "commitment_progress");

            migrationBuilder.DropTable(
                name: "secretary_report_ratings");

            migrationBuilder.DropTable(
                name: "special_reports");

            migrationBuilder.DropTable(
                name: "commitments");

            migrationBuilder.DropTable(
                name: "secretary_reports");

            migrationBuilder.DropColumn(
                name: "version",
                table: "grading_steps");
        }
    }
}
