using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Venues.Data.Migrations
{
    /// <inheritdoc />
    public partial class VenueFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "behind_since",
                table: "venues",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "late_milestone_order",
                table: "venues",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "schedule_version",
                table: "venues",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "funding_snapshots",
                columns: table => new
                {
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pledged = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    arrived = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    gap = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funding_snapshots", x => x.unit_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "funding_snapshots");

            migrationBuilder.DropColumn(
                name: "behind_since",
                table: "venues");

            migrationBuilder.DropColumn(
                name: "late_milestone_order",
                table: "venues");

            migrationBuilder.DropColumn(
                name: "schedule_version",
                table: "venues");
        }
    }
}
