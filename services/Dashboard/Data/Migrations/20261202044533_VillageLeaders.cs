using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class VillageLeaders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "village_leaders",
                columns: table => new
                {
                    village_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leaders = table.Column<string>(type: "jsonb", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_village_leaders", x => x.village_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "village_leaders");
        }
    }
}
