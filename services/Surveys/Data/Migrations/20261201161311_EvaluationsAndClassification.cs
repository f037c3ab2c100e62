using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Surveys.Data.Migrations
{
    /// <inheritdoc />
    public partial class EvaluationsAndClassification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "evaluations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    evaluated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    of_organization = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    of_members = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluations", x => x.id);
                    table.ForeignKey(
                        name: "fk_evaluations_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "organization_classifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ruled_class = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ruled_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    override_class = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    override_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    overridden_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organization_classifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_organization_classifications_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_evaluations_campaign_id_organization_id",
                table: "evaluations",
                columns: new[] { "campaign_id", "organization_id" });

            migrationBuilder.CreateIndex(
                name: "ix_organization_classifications_campaign_id_organization_id",
                table: "organization_classifications",
                columns: new[] { "campaign_id", "organization_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organization_classifications_campaign_id_unit_id",
                table: "organization_classifications",
                columns: new[] { "campaign_id", "unit_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evaluations");

            migrationBuilder.DropTable(
                name: "organization_classifications");
        }
    }
}
