using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class GradingFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "grading_targets",
                columns: table => new
                {
                    target_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    good_share_at_least = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    poor_share_at_most = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grading_targets", x => x.target_id);
                });

            migrationBuilder.CreateTable(
                name: "gradings",
                columns: table => new
                {
                    grading_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    grade = table.Column<int>(type: "integer", nullable: false),
                    step = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gradings", x => x.grading_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_grading_targets_year_unit_id",
                table: "grading_targets",
                columns: new[] { "year", "unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_gradings_year_unit_id",
                table: "gradings",
                columns: new[] { "year", "unit_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "grading_targets");

            migrationBuilder.DropTable(
                name: "gradings");
        }
    }
}
