using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Assessments.Data.Migrations
{
    /// <inheritdoc />
    public partial class CountyAssessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "county_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<decimal>(type: "numeric", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deductions = table.Column<string>(type: "jsonb", nullable: true),
                    indicators = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_county_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "county_deductions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    fact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    deducted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_county_deductions", x => x.id);
                    table.ForeignKey(
                        name: "fk_county_deductions_county_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "county_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "county_scores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    total = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    counties = table.Column<int>(type: "integer", nullable: false),
                    indicators = table.Column<string>(type: "jsonb", nullable: false),
                    deductions = table.Column<string>(type: "jsonb", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_county_scores", x => x.id);
                    table.ForeignKey(
                        name: "fk_county_scores_county_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "county_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entered_scores",
                columns: table => new
                {
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    points = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    entered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entered_scores", x => new { x.assessment_id, x.county_id, x.indicator_code });
                    table.ForeignKey(
                        name: "fk_entered_scores_county_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "county_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_county_assessments_year",
                table: "county_assessments",
                column: "year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_county_deductions_assessment_id_county_id_rule_code_fact_id",
                table: "county_deductions",
                columns: new[] { "assessment_id", "county_id", "rule_code", "fact_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_county_scores_assessment_id_county_id",
                table: "county_scores",
                columns: new[] { "assessment_id", "county_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_county_scores_year_county_id",
                table: "county_scores",
                columns: new[] { "year", "county_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "county_deductions");

            migrationBuilder.DropTable(
                name: "county_scores");

            migrationBuilder.DropTable(
                name: "entered_scores");

            migrationBuilder.DropTable(
                name: "county_assessments");
        }
    }
}
