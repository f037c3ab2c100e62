using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Venues.Data;
using PartyPlatform.Venues.Funding;
using PartyPlatform.Venues.Projects;

namespace PartyPlatform.Venues.Coverage;

/// <summary>
/// Keeps each rural village's, township's, county's and city's published coverage, and each township's,
/// county's and city's funding, in step with the data: after a write that can move them, the figures of
/// the touched villages and the units above them (and only those) are recounted and each one that moved
/// publishes <see cref="VenueCoverageChanged"/> or
/// <see cref="VenueFundingChanged"/> in the same transaction. One tracker for both: they share the
/// units, the locks and the writes that move them (an accepted new build brings its city subsidy).
/// </summary>
public sealed class CoverageTracker(VenuesDb db, TimeProvider time)
{
    /// <summary>
    /// Saves the pending changes and what they cause, in one transaction: the coverage and funding of
    /// the units above <paramref name="touchedUnits"/>, and the schedule state of the venues changed.
    /// </summary>
    public async Task SaveChangesAsync(IReadOnlyCollection<Guid> touchedUnits, CancellationToken ct)
    {
        var venues = db.ChangeTracker.Entries<Venue>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (venues.Count > 0)
        {
            await VenueLifecycle.FollowSchedulesAsync(db, venues, await db.TodayAsync(time, ct), time.GetUtcNow(), ct);
        }

        await PublishChangesAsync(touchedUnits, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Within the caller's transaction, with its changes saved: publishes the coverage of every rural
    /// village among <paramref name="touchedUnits"/> and every township, county and city at or above them
    /// whose figures moved.
    /// </summary>
    public async Task PublishChangesAsync(IReadOnlyCollection<Guid> touchedUnits, CancellationToken ct)
    {
        var above = await db.WithAncestorsAsync(touchedUnits, ct);
        // A village's own coverage says whether it has a usable venue, from the baseline or an accepted project: the
        // village's page and its township's rows show it. Communities are not counted (the campaign is rural).
        var villages = await db.Units.AsNoTracking().Where(u => touchedUnits.Contains(u.Id) && u.Kind == UnitKind.Village && !u.Retired).ToListAsync(ct);
        List<UnitReplica> affected = [.. villages, .. above];
        if (affected.Count == 0)
        {
            return;
        }

        await db.LockFiguresAsync(affected, ct);
        var ids = affected.Select(u => u.Id).ToArray();
        var snapshots = await db.CoverageSnapshots.Where(s => ids.Contains(s.UnitId)).ToDictionaryAsync(s => s.UnitId, ct);
        var now = time.GetUtcNow();
        foreach (var figures in await CoverageFigures.ForAsync(db, affected, ct))
        {
            if (!snapshots.TryGetValue(figures.UnitId, out var snapshot))
            {
                snapshot = CoverageSnapshot.For(figures.UnitId);
                db.CoverageSnapshots.Add(snapshot);
            }

            if (snapshot.Update(figures.Villages, figures.VillagesWithVenue, now))
            {
                db.PublishOnCommit(new VenueCoverageChanged(
                    figures.UnitId, snapshot.Version, figures.Name, figures.Code, figures.Level,
                    figures.Villages, figures.VillagesWithVenue, figures.CoveragePercent, now));
            }
        }

        await PublishFundingAsync(above, [.. above.Select(u => u.Id)], now, ct);
    }

    private async Task PublishFundingAsync(List<UnitReplica> affected, Guid[] ids, DateTimeOffset now, CancellationToken ct)
    {
        var snapshots = await db.FundingSnapshots.Where(s => ids.Contains(s.UnitId)).ToDictionaryAsync(s => s.UnitId, ct);
        foreach (var figures in await UnitFunding.ForAsync(db, affected, ct))
        {
            if (!snapshots.TryGetValue(figures.Unit.Id, out var snapshot))
            {
                snapshot = FundingSnapshot.For(figures.Unit.Id);
                db.FundingSnapshots.Add(snapshot);
            }

            if (snapshot.Update(figures, now))
            {
                db.PublishOnCommit(figures.ToEvent(snapshot.Version, now));
            }
        }
    }
}
