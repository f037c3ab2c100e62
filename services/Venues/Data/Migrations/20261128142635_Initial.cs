using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using PartyPlatform.Messaging;

#nullable disable

namespace PartyPlatform.Venues.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_unit = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    operation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    changes = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "baseline_verifications",
                columns: table => new
                {
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    verified_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    villages = table.Column<int>(type: "integer", nullable: false),
                    villages_with_usable_venue = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_baseline_verifications", x => x.county_id);
                });

            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    city_subsidy_per_new_build = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    milestones = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaigns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "checklist_versions",
                columns: table => new
                {
                    number = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    published_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    items = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checklist_versions", x => x.number);
                });

            migrationBuilder.CreateTable(
                name: "coverage_snapshots",
                columns: table => new
                {
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    villages = table.Column<int>(type: "integer", nullable: false),
                    villages_with_venue = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coverage_snapshots", x => x.unit_id);
                });

            migrationBuilder.CreateTable(
                name: "deadline_reckonings",
                columns: table => new
                {
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    reckoned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    counties_short = table.Column<int>(type: "integer", nullable: false),
                    shortfalls = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deadline_reckonings", x => x.deadline);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unit_replicas",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    retired = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_replicas", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "venues",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    village_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    floor_area = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    functions = table.Column<string[]>(type: "text[]", nullable: false),
                    rooms = table.Column<string[]>(type: "text[]", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    checklist_version = table.Column<int>(type: "integer", nullable: true),
                    standard_score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    history = table.Column<string>(type: "jsonb", nullable: true),
                    milestones = table.Column<string>(type: "jsonb", nullable: true),
                    progress = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venues", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "village_baselines",
                columns: table => new
                {
                    village_id = table.Column<Guid>(type: "uuid", nullable: false),
                    has_usable_venue = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_village_baselines", x => x.village_id);
                });

            migrationBuilder.CreateTable(
                name: "funding_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    venue_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    contributor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    pledged = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    pledged_on = table.Column<DateOnly>(type: "date", nullable: false),
                    arrived = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    arrived_on = table.Column<DateOnly>(type: "date", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funding_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_funding_lines_venues_venue_id",
                        column: x => x.venue_id,
                        principalTable: "venues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inspections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    venue_id = table.Column<Guid>(type: "uuid", nullable: false),
                    checklist_version = table.Column<int>(type: "integer", nullable: false),
                    inspected_on = table.Column<DateOnly>(type: "date", nullable: false),
                    inspector = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    met_items = table.Column<List<string>>(type: "text[]", nullable: false),
                    score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections", x => x.id);
                    table.ForeignKey(
                        name: "fk_inspections_checklist_versions_checklist_version",
                        column: x => x.checklist_version,
                        principalTable: "checklist_versions",
                        principalColumn: "number",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_inspections_venues_venue_id",
                        column: x => x.venue_id,
                        principalTable: "venues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor",
                table: "audit_entries",
                column: "actor");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor_unit",
                table: "audit_entries",
                column: "actor_unit");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_type_entity_id",
                table: "audit_entries",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_occurred_at",
                table: "audit_entries",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_funding_lines_city_subsidy_once",
                table: "funding_lines",
                column: "venue_id",
                unique: true,
                filter: "source = 'CitySubsidy'");

            migrationBuilder.CreateIndex(
                name: "ix_inspections_checklist_version",
                table: "inspections",
                column: "checklist_version");

            migrationBuilder.CreateIndex(
                name: "ix_inspections_venue_id_inspected_on",
                table: "inspections",
                columns: new[] { "venue_id", "inspected_on" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_unsent",
                table: "outbox_messages",
                column: "id",
                filter: "sent_at IS NULL AND error IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_unit_replicas_parent_id",
                table: "unit_replicas",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_venues_village_id",
                table: "venues",
                column: "village_id",
                unique: true);

            migrationBuilder.CreateOutboxNotifyTrigger();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "baseline_verifications");

            migrationBuilder.DropTable(
                name: "campaigns");

            migrationBuilder.DropTable(
                name: "coverage_snapshots");

            migrationBuilder.DropTable(
                name: "deadline_reckonings");

            migrationBuilder.DropTable(
                name: "funding_lines");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "inspections");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "unit_replicas");

            migrationBuilder.DropTable(
                name: "village_baselines");

            migrationBuilder.DropTable(
                name: "checklist_versions");

            migrationBuilder.DropTable(
                name: "venues");
        }
    }
}
