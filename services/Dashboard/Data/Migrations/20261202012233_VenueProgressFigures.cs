using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class VenueProgressFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "project_schedules",
                columns: table => new
                {
                    venue_id = table.Column<Guid>(type: "uuid", nullable: false),
                    village_id = table.Column<Guid>(type: "uuid", nullable: false),
                    behind_schedule = table.Column<bool>(type: "boolean", nullable: false),
                    late_milestone_order = table.Column<int>(type: "integer", nullable: true),
                    late_milestone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    late_milestone_due = table.Column<DateOnly>(type: "date", nullable: true),
                    behind_since = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_schedules", x => x.venue_id);
                });

            migrationBuilder.CreateTable(
                name: "venue_campaigns",
                columns: table => new
                {
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    deadline_passes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    city_subsidy_per_new_build = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venue_campaigns", x => x.campaign_id);
                });

            migrationBuilder.CreateTable(
                name: "venue_fundings",
                columns: table => new
                {
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    pledged = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    arrived = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    gap = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venue_fundings", x => x.unit_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_project_schedules_behind_schedule_behind_since",
                table: "project_schedules",
                columns: new[] { "behind_schedule", "behind_since" });

            migrationBuilder.CreateIndex(
                name: "ix_project_schedules_village_id",
                table: "project_schedules",
                column: "village_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "project_schedules");

            migrationBuilder.DropTable(
                name: "venue_campaigns");

            migrationBuilder.DropTable(
                name: "venue_fundings");
        }
    }
}
