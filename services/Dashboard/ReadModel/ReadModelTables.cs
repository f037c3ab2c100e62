using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.ReadModel;

public static class ReadModelTables
{
    /// <summary>
    /// Every table of the model but the messaging's (outbox, inbox, housekeeping), the audit and the rebuilds themselves:
    /// a copy added later is part of the read model without being listed here.
    /// </summary>
    public static IReadOnlyList<string> Of(DashboardDb db) =>
        db.Model.GetEntityTypes()
            .Where(type => type.GetTableName() is not null && type.ClrType != typeof(ReadModelRebuild)
                           && type.ClrType.Assembly != typeof(AuditEntry).Assembly && type.ClrType.Assembly != typeof(InboxMessage).Assembly)
            .Select(type => type.GetTableName()!)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Empties them in one statement, in the caller's transaction.</summary>
    public static Task ClearAsync(DashboardDb db, IReadOnlyList<string> tables, CancellationToken ct)
    {
        // The names come from the model, never from a caller.
        var truncate = "TRUNCATE " + string.Join(", ", tables.Select(table => $"\"{table}\""));
        return db.Database.ExecuteSqlRawAsync(truncate, ct);
    }
}
