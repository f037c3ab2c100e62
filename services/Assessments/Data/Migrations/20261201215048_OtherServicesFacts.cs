using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Assessments.Data.Migrations
{
    /// <inheritdoc />
    public partial class OtherServicesFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "classifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    fact_campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_class = table.Column<int>(type: "integer", nullable: false),
                    fact_classification_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_kind = table.Column<int>(type: "integer", nullable: false),
                    fact_occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fact_organization_code = table.Column<string>(type: "text", nullable: false),
                    fact_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_overridden = table.Column<bool>(type: "boolean", nullable: false),
                    fact_reason = table.Column<string>(type: "text", nullable: false),
                    fact_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_classifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "eligibility_flags",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    fact_fact_id = table.Column<Guid>(type: "uuid", nullable: true),
                    fact_flag_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_flagged_on = table.Column<DateOnly>(type: "date", nullable: false),
                    fact_kind = table.Column<int>(type: "integer", nullable: false),
                    fact_lifted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    fact_occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fact_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_reason = table.Column<string>(type: "text", nullable: false),
                    fact_source = table.Column<int>(type: "integer", nullable: false),
                    fact_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_eligibility_flags", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "posts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    fact_end = table.Column<DateOnly>(type: "date", nullable: true),
                    fact_kind = table.Column<int>(type: "integer", nullable: false),
                    fact_occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fact_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_start = table.Column<DateOnly>(type: "date", nullable: false),
                    fact_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "venue_coverages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    fact_coverage_percent = table.Column<decimal>(type: "numeric", nullable: false),
                    fact_level = table.Column<int>(type: "integer", nullable: false),
                    fact_occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fact_unit_code = table.Column<string>(type: "text", nullable: true),
                    fact_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_unit_name = table.Column<string>(type: "text", nullable: false),
                    fact_version = table.Column<long>(type: "bigint", nullable: false),
                    fact_villages = table.Column<int>(type: "integer", nullable: false),
                    fact_villages_with_venue = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venue_coverages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "venue_deadline_facts",
                columns: table => new
                {
                    fact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_coverage_percent = table.Column<decimal>(type: "numeric", nullable: false),
                    fact_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    fact_fact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_level = table.Column<int>(type: "integer", nullable: false),
                    fact_occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fact_reason = table.Column<string>(type: "text", nullable: false),
                    fact_unit_code = table.Column<string>(type: "text", nullable: true),
                    fact_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_unit_name = table.Column<string>(type: "text", nullable: false),
                    fact_villages = table.Column<int>(type: "integer", nullable: false),
                    fact_villages_with_venue = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venue_deadline_facts", x => x.fact_id);
                });

            migrationBuilder.CreateTable(
                name: "venues",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    fact_checklist_version = table.Column<int>(type: "integer", nullable: true),
                    fact_floor_area = table.Column<decimal>(type: "numeric", nullable: false),
                    fact_kind = table.Column<int>(type: "integer", nullable: false),
                    fact_occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fact_standard_score = table.Column<decimal>(type: "numeric", nullable: true),
                    fact_state = table.Column<int>(type: "integer", nullable: false),
                    fact_state_date = table.Column<DateOnly>(type: "date", nullable: false),
                    fact_venue_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_version = table.Column<long>(type: "bigint", nullable: false),
                    fact_village_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venues", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wealth_leaders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    fact_is_wealth_leader = table.Column<bool>(type: "boolean", nullable: false),
                    fact_joined_party_on = table.Column<DateOnly>(type: "date", nullable: true),
                    fact_occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fact_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fact_version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wealth_leaders", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "classifications");

            migrationBuilder.DropTable(
                name: "eligibility_flags");

            migrationBuilder.DropTable(
                name: "posts");

            migrationBuilder.DropTable(
                name: "venue_coverages");

            migrationBuilder.DropTable(
                name: "venue_deadline_facts");

            migrationBuilder.DropTable(
                name: "venues");

            migrationBuilder.DropTable(
                name: "wealth_leaders");
        }
    }
}
