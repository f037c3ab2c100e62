using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Personnel.Data.Migrations
{
    /// <inheritdoc />
    public partial class TownshipSecretariesAndMerges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "eligibility_flags",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    fact_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: false),
                    flagged_on = table.Column<DateOnly>(type: "date", nullable: false),
                    lifted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    lift_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_eligibility_flags", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "repostings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    former_post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    retired_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    successor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    merged_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repostings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "secretary_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    township_id = table.Column<Guid>(type: "uuid", nullable: false),
                    outgoing_post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    incoming_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    filed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decision = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    took_effect_on = table.Column<DateOnly>(type: "date", nullable: true),
                    incoming_post_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_secretary_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "township_vacancies",
                columns: table => new
                {
                    fact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vacant_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_township_vacancies", x => x.fact_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_eligibility_flags_fact_id_kind",
                table: "eligibility_flags",
                columns: new[] { "fact_id", "kind" },
                unique: true,
                filter: "fact_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_eligibility_flags_person_id",
                table: "eligibility_flags",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_eligibility_flags_unit_id",
                table: "eligibility_flags",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_repostings_former_post_id",
                table: "repostings",
                column: "former_post_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_repostings_successor_id",
                table: "repostings",
                column: "successor_id");

            migrationBuilder.CreateIndex(
                name: "ix_secretary_changes_township_id",
                table: "secretary_changes",
                column: "township_id");

            migrationBuilder.CreateIndex(
                name: "ix_township_vacancies_unit_id",
                table: "township_vacancies",
                column: "unit_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "eligibility_flags");

            migrationBuilder.DropTable(
                name: "repostings");

            migrationBuilder.DropTable(
                name: "secretary_changes");

            migrationBuilder.DropTable(
                name: "township_vacancies");
        }
    }
}
