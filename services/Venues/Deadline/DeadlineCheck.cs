using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Venues.Coverage;
using PartyPlatform.Venues.Data;

namespace PartyPlatform.Venues.Deadline;

/// <summary>
/// Once the deadline has passed: records the reckoning and publishes one <see cref="VenueDeadlineMissed"/>
/// per county and township short of full coverage, in one transaction. The reckoning's key is the
/// deadline, so a second check (a retry, another instance, a restart) finds it and publishes nothing.
/// </summary>
public sealed partial class DeadlineCheck(VenuesDb db, TimeProvider time, ILogger<DeadlineCheck> logger) : ITimedCheck
{
    /// <returns>The reckoning of the deadline in force, or null while it has not passed.</returns>
    public async Task<DeadlineReckoning?> RunAsync(CancellationToken ct)
    {
        var terms = (await db.CampaignTermsAsync(ct));
        var now = time.GetUtcNow();
        if (!DeadlineRule.HasPassed(terms, now))
        {
            return null;
        }

        if (await db.DeadlineReckonings.AsNoTracking().FirstOrDefaultAsync(r => r.Deadline == terms.Deadline, ct) is { } done)
        {
            return done;
        }

        var units = await db.Units.AsNoTracking().Where(u => !u.Retired && (u.Level == UnitLevel.County || u.Level == UnitLevel.Township)).ToListAsync(ct);
        var shortfalls = DeadlineRule.Shortfalls(terms, await CoverageFigures.ForAsync(db, units, ct));
        var reckoning = DeadlineReckoning.Of(terms.Deadline, shortfalls, now);
        db.DeadlineReckonings.Add(reckoning);
        shortfalls.ForEach(s => db.PublishOnCommit(s.ToFact(terms.Deadline, now)));

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another instance reckoned the same deadline first; its facts stand, ours are discarded with this transaction.
            db.ChangeTracker.Clear();
            return await StoredAsync(terms.Deadline, ct);
        }

        LogReckoned(logger, terms.Deadline, shortfalls.Count(s => s.Level == UnitLevel.County), shortfalls.Count(s => s.Level == UnitLevel.Township));
        return await StoredAsync(terms.Deadline, ct);
    }

    Task ITimedCheck.RunAsync(CancellationToken ct) => RunAsync(ct);

    /// <summary>As stored (times in microseconds), so that every check answers with the same reckoning.</summary>
    private Task<DeadlineReckoning> StoredAsync(DateOnly deadline, CancellationToken ct) =>
        db.DeadlineReckonings.AsNoTracking().SingleAsync(r => r.Deadline == deadline, ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Venue deadline {Deadline} reckoned: {Counties} counties and {Townships} townships short of full coverage")]
    private static partial void LogReckoned(ILogger logger, DateOnly deadline, int counties, int townships);
}
