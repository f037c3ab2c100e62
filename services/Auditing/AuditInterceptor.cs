using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PartyPlatform.Auditing;

/// <summary>
/// Adds an <see cref="AuditEntry"/> for every added, modified or deleted entity to the same
/// SaveChanges, so the record of a change commits or rolls back with the change itself.
/// </summary>
public sealed class AuditInterceptor(AuditActor actor, TimeProvider time, AuditOptions options) : SaveChangesInterceptor
{
    private const string Redacted = "(redacted)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            Record(db);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db)
        {
            Record(db);
        }

        return base.SavingChanges(eventData, result);
    }

    private void Record(DbContext db)
    {
        // The interceptor runs before SaveChanges looks for changes itself; entity methods changed
        // properties in place, so find them now.
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not AuditEntry && !options.Ignored.Contains(e.Metadata.ClrType))
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        // One write, one actor: read it once, not per entity (an import changes thousands).
        var write = new Write(actor.Id, actor.Unit, actor.Operation, time.GetUtcNow());
        db.Set<AuditEntry>().AddRange(changed.Select(e => ToAuditEntry(e, write)));
    }

    private AuditEntry ToAuditEntry(EntityEntry entry, Write write)
    {
        var changes = entry.Properties
            .Where(p => entry.State != EntityState.Modified || p.IsModified)
            .ToDictionary(
                p => p.Metadata.Name,
                p => options.Redacted.Contains(p.Metadata.Name)
                    ? new { before = (object?)Redacted, after = (object?)Redacted }
                    : new
                    {
                        before = entry.State == EntityState.Added ? null : p.OriginalValue,
                        after = entry.State == EntityState.Deleted ? null : p.CurrentValue,
                    });
        var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString());
        return new AuditEntry
        {
            OccurredAt = write.At,
            Actor = write.Actor,
            ActorUnit = write.Unit,
            Operation = write.Operation,
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = string.Join("/", key),
            Action = entry.State.ToString(),
            Changes = JsonSerializer.Serialize(changes, Json),
        };
    }

    private sealed record Write(string Actor, string? Unit, string Operation, DateTimeOffset At);
}
