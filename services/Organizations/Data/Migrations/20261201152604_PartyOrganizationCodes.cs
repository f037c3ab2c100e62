using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Organizations.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartyOrganizationCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "code",
                table: "party_organizations",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "successor_id",
                table: "party_organizations",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "party_organization_code_sequences",
                columns: table => new
                {
                    prefix = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_party_organization_code_sequences", x => x.prefix);
                });

            // Existing organisations get their codes before the index makes them unique.
            migrationBuilder.Sql(PartyOrganizationCodeBackfill.Sql);

            migrationBuilder.CreateIndex(
                name: "ix_party_organizations_code",
                table: "party_organizations",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "party_organization_code_sequences");

            migrationBuilder.DropIndex(
                name: "ix_party_organizations_code",
                table: "party_organizations");

            migrationBuilder.DropColumn(
                name: "code",
                table: "party_organizations");

            migrationBuilder.DropColumn(
                name: "successor_id",
                table: "party_organizations");
        }
    }
}
