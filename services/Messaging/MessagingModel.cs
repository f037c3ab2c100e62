using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Messaging;

/// <summary>The outbox and inbox tables, added to a service's own DbContext so they share its transactions.</summary>
public static class MessagingModel
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";
    public const string OutboxChannel = "outbox_messages_written";

    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxTable);
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.MessageType).HasMaxLength(300);
            outbox.Property(m => m.Payload).HasColumnType("jsonb");
            outbox.Property(m => m.TraceParent).HasMaxLength(100);
            outbox.Property(m => m.CreatedAt).HasDefaultValueSql("now()");
            outbox.Ignore(m => m.Announces);
            // The relay only ever looks for unsent rows; keep that index small.
            outbox.HasIndex(m => m.Id).HasFilter("sent_at IS NULL AND error IS NULL").HasDatabaseName("ix_outbox_messages_unsent");
            // Housekeeping deletes sent rows by age; unsent rows never qualify, so they stay out.
            outbox.HasIndex(m => m.SentAt).HasFilter("sent_at IS NOT NULL");
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(InboxTable);
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
            // Housekeeping deletes applied ids by age.
            inbox.HasIndex(m => m.ProcessedAt);
        });

        return modelBuilder;
    }

    /// <summary>
    /// A statement trigger that NOTIFYs the relay. NOTIFY is transactional: a rolled-back insert
    /// wakes nobody, a committed one wakes the relay at once.
    /// </summary>
    public static readonly string NotifyTriggerSql = $"""
        CREATE OR REPLACE FUNCTION notify_outbox_written() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{OutboxChannel}', '');
            RETURN NULL;
        END $$;
        DROP TRIGGER IF EXISTS outbox_messages_written ON {OutboxTable};
        CREATE TRIGGER outbox_messages_written AFTER INSERT ON {OutboxTable}
            FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox_written();
        """;

    public static void CreateOutboxNotifyTrigger(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(NotifyTriggerSql);

    /// <summary>
    /// Files a consumer's inbox rows under its new <see cref="IInboxConsumer.Name"/>, so that what it
    /// applied under the old name stays applied.
    /// </summary>
    public static void RenameInboxConsumer(this MigrationBuilder migrationBuilder, string from, string to) =>
        migrationBuilder.Sql($"UPDATE {InboxTable} SET consumer = '{to}' WHERE consumer = '{from}';");
}
