using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Surveys.Data.Migrations
{
    /// <inheritdoc />
    public partial class SpotChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "spot_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    checked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    inspection_group = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    households_checked = table.Column<int>(type: "integer", nullable: false),
                    households_confirmed = table.Column<int>(type: "integer", nullable: false),
                    findings = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spot_checks", x => x.id);
                    table.ForeignKey(
                        name: "fk_spot_checks_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_spot_checks_campaign_id_unit_id",
                table: "spot_checks",
                columns: new[] { "campaign_id", "unit_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "spot_checks");
        }
    }
}
