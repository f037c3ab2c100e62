using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PartyPlatform.Messaging.Outbox;

/// <summary>
/// Refuses a SaveChanges in which an <see cref="IPublishedEntity"/> is added or its version moves
/// without an outbox event for that entity at that version: a copy in another service would
/// otherwise go stale without anybody noticing. A programming error, so it throws (a 500, and a
/// failing test) and nothing is written.
/// </summary>
public sealed class PublishedVersionCheck : SaveChangesInterceptor
{
    public static readonly PublishedVersionCheck Instance = new();

    private PublishedVersionCheck()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private static void Check(DbContext? db)
    {
        if (db is null)
        {
            return;
        }

        // Entries() detects changes first: entity methods move versions in place.
        var moved = db.ChangeTracker.Entries<IPublishedEntity>()
            .Where(e => e.Entity.IsPublished
                        && (e.State == EntityState.Added
                            || (e.State == EntityState.Modified && e.Property(nameof(IPublishedEntity.Version)).IsModified)))
            .Select(e => (Entry: e, Announced: (e.Entity.Id, e.Entity.Version)))
            .ToList();
        if (moved.Count == 0)
        {
            return;
        }

        var announced = db.ChangeTracker.Entries<OutboxMessage>()
            .Where(e => e.State == EntityState.Added && e.Entity.Announces is not null)
            .Select(e => e.Entity.Announces!.Value)
            .ToHashSet();
        var silent = moved.Where(m => !announced.Contains(m.Announced)).ToList();
        if (silent.Count > 0)
        {
            throw new UnpublishedVersionException(string.Join("; ", silent.Take(5).Select(s =>
                $"{s.Entry.Metadata.ClrType.Name} {s.Announced.Id} reached version {s.Announced.Version}")));
        }
    }
}

/// <summary>A published entity's version moved without its event; see <see cref="PublishedVersionCheck"/>.</summary>
public sealed class UnpublishedVersionException(string entities)
    : InvalidOperationException($"Saved without an event for the new version (PublishOnCommit it in the same SaveChanges): {entities}.");
