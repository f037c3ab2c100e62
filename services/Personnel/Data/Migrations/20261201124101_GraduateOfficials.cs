using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Personnel.Data.Migrations
{
    /// <inheritdoc />
    public partial class GraduateOfficials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "graduate_officials",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hired_on = table.Column<DateOnly>(type: "date", nullable: false),
                    term_number = table.Column<int>(type: "integer", nullable: false),
                    term_ends = table.Column<DateOnly>(type: "date", nullable: false),
                    exit_path = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    exit_on = table.Column<DateOnly>(type: "date", nullable: true),
                    exit_note = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_graduate_officials", x => x.id);
                    table.ForeignKey(
                        name: "fk_graduate_officials_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_graduate_officials_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "graduate_official_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    official_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    done_on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_graduate_official_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_graduate_official_activities_graduate_officials_official_id",
                        column: x => x.official_id,
                        principalTable: "graduate_officials",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "graduate_official_attendance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    official_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    days_present = table.Column<int>(type: "integer", nullable: false),
                    days_required = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_graduate_official_attendance", x => x.id);
                    table.ForeignKey(
                        name: "fk_graduate_official_attendance_graduate_officials_official_id",
                        column: x => x.official_id,
                        principalTable: "graduate_officials",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "graduate_official_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    official_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reported_on = table.Column<DateOnly>(type: "date", nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    evaluation = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_graduate_official_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_graduate_official_reports_graduate_officials_official_id",
                        column: x => x.official_id,
                        principalTable: "graduate_officials",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "graduate_official_terms",
                columns: table => new
                {
                    number = table.Column<int>(type: "integer", nullable: false),
                    official_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start = table.Column<DateOnly>(type: "date", nullable: false),
                    end = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_graduate_official_terms", x => new { x.official_id, x.number });
                    table.ForeignKey(
                        name: "fk_graduate_official_terms_graduate_officials_official_id",
                        column: x => x.official_id,
                        principalTable: "graduate_officials",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_graduate_official_activities_official_id_code",
                table: "graduate_official_activities",
                columns: new[] { "official_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_graduate_official_attendance_official_id_month",
                table: "graduate_official_attendance",
                columns: new[] { "official_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_graduate_official_reports_official_id_reported_on",
                table: "graduate_official_reports",
                columns: new[] { "official_id", "reported_on" });

            migrationBuilder.CreateIndex(
                name: "ix_graduate_officials_person_id",
                table: "graduate_officials",
                column: "person_id",
                unique: true,
                filter: "exit_path IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_graduate_officials_post_id",
                table: "graduate_officials",
                column: "post_id");

            migrationBuilder.CreateIndex(
                name: "ix_graduate_officials_unit_id_term_ends",
                table: "graduate_officials",
                columns: new[] { "unit_id", "term_ends" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "graduate_official_activities");

            migrationBuilder.DropTable(
                name: "graduate_official_attendance");

            migrationBuilder.DropTable(
                name: "graduate_official_reports");

            migrationBuilder.DropTable(
                name: "graduate_official_terms");

            migrationBuilder.DropTable(
                name: "graduate_officials");
        }
    }
}
