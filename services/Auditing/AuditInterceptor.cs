using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

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

    /// <summary>The audit interceptor of <paramref name="db"/>: the one that records its SaveChanges.</summary>
    internal static AuditInterceptor Of(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<AuditInterceptor>().SingleOrDefault()
        ?? throw new InvalidOperationException($"{db.GetType().Name} is not audited: add the AuditInterceptor to its options.");

    /// <summary>Who writes now, read once per write, not per entity (an import changes thousands).</summary>
    internal Write CurrentWrite() => new(actor.Id, actor.Client, actor.Unit, actor.Operation, time.GetUtcNow());

    internal static AuditEntry Entry(Write write, IEntityType entityType, IEnumerable<object?> key, string action, object changes) => new()
    {
        OccurredAt = write.At,
        Actor = write.Actor,
        Client = write.Client,
        ActorUnit = write.Unit,
        Operation = write.Operation,
        EntityType = entityType.ClrType.Name,
        EntityId = string.Join("/", key.Select(k => k?.ToString())),
        Action = action,
        Changes = JsonSerializer.Serialize(changes, Json),
    };

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

        var write = CurrentWrite();
        db.Set<AuditEntry>().AddRange(changed.Select(e => ToAuditEntry(e, write)));
    }

    private AuditEntry ToAuditEntry(EntityEntry entry, Write write)
    {
        var changes = entry.Properties
            .Where(p => entry.State != EntityState.Modified || p.IsModified)
            .ToDictionary(
                p => p.Metadata.Name,
                p => Change(
                    p.Metadata.Name,
                    entry.State == EntityState.Added ? null : p.OriginalValue,
                    entry.State == EntityState.Deleted ? null : p.CurrentValue));
        var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue);
        return Entry(write, entry.Metadata, key, entry.State.ToString(), changes);
    }

    /// <summary>One property's value before and after, as the audit's JSON holds it.</summary>
    internal object Change(string property, object? before, object? after) =>
        options.Redacted.Contains(property) ? new { before = (object?)Redacted, after = (object?)Redacted } : new { before, after };

    internal sealed record Write(string Actor, string? Client, string? Unit, string Operation, DateTimeOffset At);
}
