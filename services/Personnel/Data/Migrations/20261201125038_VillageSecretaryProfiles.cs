using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Personnel.Data.Migrations
{
    /// <inheritdoc />
    public partial class VillageSecretaryProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "profile_snapshots",
                columns: table => new
                {
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_name = table.Column<string>(type: "text", nullable: false),
                    unit_code = table.Column<string>(type: "text", nullable: true),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    villages = table.Column<int>(type: "integer", nullable: false),
                    secretaries = table.Column<int>(type: "integer", nullable: false),
                    also_director = table.Column<int>(type: "integer", nullable: false),
                    by_education = table.Column<string>(type: "jsonb", nullable: false),
                    by_source = table.Column<string>(type: "jsonb", nullable: false),
                    by_birth_year = table.Column<string>(type: "jsonb", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profile_snapshots", x => x.unit_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_profile_snapshots_parent_id",
                table: "profile_snapshots",
                column: "parent_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "profile_snapshots");
        }
    }
}
