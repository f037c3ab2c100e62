using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Personnel.Data.Migrations
{
    /// <inheritdoc />
    public partial class WatchList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "watch_list_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    fact_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    flagged_on = table.Column<DateOnly>(type: "date", nullable: false),
                    cleared_on = table.Column<DateOnly>(type: "date", nullable: true),
                    clear_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watch_list_entries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_watch_list_entries_fact_once",
                table: "watch_list_entries",
                columns: new[] { "source", "fact_id" },
                unique: true,
                filter: "fact_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_watch_list_entries_one_open",
                table: "watch_list_entries",
                columns: new[] { "unit_id", "kind", "source" },
                unique: true,
                filter: "cleared_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_watch_list_entries_unit_id_flagged_on",
                table: "watch_list_entries",
                columns: new[] { "unit_id", "flagged_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "watch_list_entries");
        }
    }
}
