using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class VenueStates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "venue_records",
                columns: table => new
                {
                    venue_id = table.Column<Guid>(type: "uuid", nullable: false),
                    village_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    state = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    state_date = table.Column<DateOnly>(type: "date", nullable: false),
                    floor_area = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venue_records", x => x.venue_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_venue_records_village_id",
                table: "venue_records",
                column: "village_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "venue_records");
        }
    }
}
