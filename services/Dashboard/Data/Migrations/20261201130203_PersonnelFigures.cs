using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonnelFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "graduate_officials",
                columns: table => new
                {
                    official_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hired_on = table.Column<DateOnly>(type: "date", nullable: false),
                    term_number = table.Column<int>(type: "integer", nullable: false),
                    term_ends = table.Column<DateOnly>(type: "date", nullable: false),
                    exit_path = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    exit_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_graduate_officials", x => x.official_id);
                });

            migrationBuilder.CreateTable(
                name: "secretary_profiles",
                columns: table => new
                {
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    unit_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    villages = table.Column<int>(type: "integer", nullable: false),
                    secretaries = table.Column<int>(type: "integer", nullable: false),
                    also_director = table.Column<int>(type: "integer", nullable: false),
                    by_education = table.Column<string>(type: "jsonb", nullable: false),
                    by_source = table.Column<string>(type: "jsonb", nullable: false),
                    by_birth_year = table.Column<string>(type: "jsonb", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_secretary_profiles", x => x.unit_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_graduate_officials_term_ends",
                table: "graduate_officials",
                column: "term_ends");

            migrationBuilder.CreateIndex(
                name: "ix_graduate_officials_unit_id",
                table: "graduate_officials",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_secretary_profiles_level_unit_code",
                table: "secretary_profiles",
                columns: new[] { "level", "unit_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "graduate_officials");

            migrationBuilder.DropTable(
                name: "secretary_profiles");
        }
    }
}
