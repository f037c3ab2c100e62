using Microsoft.EntityFrameworkCore.Migrations;
using PartyPlatform.Messaging;

#nullable disable

namespace PartyPlatform.Organizations.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditClientConsumerNamesHousekeepingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Consumers are known in the inbox by their fixed names now, no longer by their class names.
            migrationBuilder.RenameInboxConsumer("TreeReplayRequestedConsumer", "organizations-tree-replay");

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
                name: "ix_outbox_messages_sent_at",
                table: "outbox_messages",
                column: "sent_at",
                filter: "sent_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_client",
                table: "audit_entries",
                column: "client");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameInboxConsumer("organizations-tree-replay", "TreeReplayRequestedConsumer");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_sent_at",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_inbox_messages_processed_at",
                table: "inbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_client",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "client",
                table: "audit_entries");
        }
    }
}
