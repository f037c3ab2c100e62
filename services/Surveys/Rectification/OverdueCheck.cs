using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Rectification;

/// <summary>
/// Marks every open rectification past its deadline (on the city's calendar) overdue, once, and publishes it. The
/// mark is stored with the problem, so a second check (the next interval, another instance, a restart) finds
/// nothing to do; two instances marking the same problem at once collide on its version and one gives way.
/// </summary>
public sealed partial class OverdueCheck(SurveysDb db, CityCalendar calendar, TimeProvider time, ILogger<OverdueCheck> logger)
{
    /// <summary>Problems per transaction.</summary>
    private const int Batch = 500;

    /// <returns>How many problems this check marked.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var marked = 0;
        while (true)
        {
            var today = calendar.Today;
            var now = time.GetUtcNow();
            var due = await db.Problems
                .Where(p => p.OverdueAt == null && (p.Stage == RectificationStage.Assigned || p.Stage == RectificationStage.InProgress) && p.Deadline < today)
                .OrderBy(p => p.Deadline).ThenBy(p => p.Id).Take(Batch).ToListAsync(ct);
            var marking = due.Where(p => p.MarkOverdue(today, now)).ToList();
            if (marking.Count == 0)
            {
                return marked;
            }

            marking.ForEach(problem => db.PublishOnCommit(problem.ToEvent(now)));

            try
            {
                await db.SaveChangesAsync(ct);
                marked += marking.Count;
                LogMarked(logger, marking.Count);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance, or a step taken meanwhile, moved one of them: read them again.
            }

            db.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} rectifications became overdue")]
    private static partial void LogMarked(ILogger logger, int count);
}
