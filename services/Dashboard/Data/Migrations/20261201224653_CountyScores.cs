using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class CountyScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "county_scores",
                columns: table => new
                {
                    score_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    total = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    counties = table.Column<int>(type: "integer", nullable: false),
                    deducted = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_county_scores", x => x.score_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_county_scores_year_rank",
                table: "county_scores",
                columns: new[] { "year", "rank" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "county_scores");
        }
    }
}
