using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditClientAndSignInBrake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "failed_sign_ins",
                table: "people",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "locked_until",
                table: "people",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "client",
                table: "audit_entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // Until now the actor was the token's client_id whenever it had one, so that is the client
            // of every earlier write; who the person was behind the web page is not known any more.
            migrationBuilder.Sql("UPDATE audit_entries SET client = actor WHERE actor NOT IN ('system', 'anonymous');");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_client",
                table: "audit_entries",
                column: "client");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_client",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "failed_sign_ins",
                table: "people");

            migrationBuilder.DropColumn(
                name: "locked_until",
                table: "people");

            migrationBuilder.DropColumn(
                name: "client",
                table: "audit_entries");
        }
    }
}
