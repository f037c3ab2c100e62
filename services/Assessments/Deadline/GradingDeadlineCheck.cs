using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Assessments.Deadline;

/// <summary>
/// Once a round's deadline has passed (the day after it, in the city): records each county's organisations still
/// without a result as a <see cref="GradingShortfall"/> and publishes it, once. The round is marked in the same
/// transaction, and the shortfall is unique per round and county, so a second check (a retry, another instance)
/// publishes nothing.
/// </summary>
public sealed partial class GradingDeadlineCheck(AssessmentsDb db, CityCalendar calendar, TimeProvider time, ILogger<GradingDeadlineCheck> logger)
{
    /// <returns>The shortfalls recorded now.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = calendar.Today;
        var recorded = 0;
        foreach (var round in await db.Rounds.Where(r => r.ShortfallRecordedAt == null && r.Deadline < today).ToListAsync(ct))
        {
            var now = time.GetUtcNow();
            var shortfalls = new List<GradingShortfall>();
            foreach (var county in await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.County && !u.Retired).OrderBy(u => u.Code).ToListAsync(ct))
            {
                var organizations = db.InService(round.Id, db.Units.Subtrees([county.Id]));
                var total = await organizations.CountAsync(ct);
                var ungraded = await organizations.CountAsync(o => !db.Gradings.Any(
                    g => g.RoundId == o.RoundId && g.OrganizationId == o.OrganizationId && g.Step >= GradingStep.CountyDecided), ct);
                if (ungraded > 0)
                {
                    shortfalls.Add(GradingShortfall.Record(round.Id, round.Year, county.Id, county.Name, round.Deadline, total, ungraded, now));
                }
            }

            round.RecordShortfall(now);
            db.Shortfalls.AddRange(shortfalls);
            shortfalls.ForEach(s => db.PublishOnCommit(s.ToEvent()));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Another instance recorded this round's shortfall first; its facts stand.
                db.ChangeTracker.Clear();
                continue;
            }

            recorded += shortfalls.Count;
            LogRecorded(logger, round.Year, round.Deadline, shortfalls.Count, shortfalls.Sum(s => s.Ungraded));
        }

        return recorded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Grading round {Year} passed its deadline {Deadline}: {Counties} counties short, {Ungraded} organisations without a result")]
    private static partial void LogRecorded(ILogger logger, int year, DateOnly deadline, int counties, int ungraded);
}
