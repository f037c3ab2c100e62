using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.TownshipSecretaries;

namespace PartyPlatform.Personnel.Consumers;

/// <summary>
/// A township short of venue coverage at the deadline bars its Party secretary, the one in post on the
/// deadline day, from the city's awards and from promotion, with Venues' reason. Kept by the fact's id:
/// a replay delivers the same fact under a new message id and must not flag twice. County facts are
/// Assessments' (deductions), not a secretary's.
/// </summary>
public sealed class VenueDeadlineMissedConsumer(PersonnelDb db, CityCalendar calendar, TimeProvider time)
    : IConsumer<VenueDeadlineMissed>, IInboxConsumer
{
    public static string Name => "personnel-venue-deadline-missed";

    public Task Consume(ConsumeContext<VenueDeadlineMissed> context) =>
        db.ApplyOnceAsync(context, this, async ct =>
        {
            var fact = context.Message;
            if (fact.Level != UnitLevel.Township
                || await db.EligibilityFlags.AnyAsync(f => f.FactId == fact.FactId, ct)
                || await db.TownshipVacancies.AnyAsync(v => v.FactId == fact.FactId, ct))
            {
                return;
            }

            var now = time.GetUtcNow();
            var secretary = await db.Posts.AsNoTracking()
                .Where(p => p.UnitId == fact.UnitId && p.Kind == PostKind.TownshipSecretary)
                .Where(p => p.Start <= fact.Deadline && (p.End == null || p.End > fact.Deadline))
                .FirstOrDefaultAsync(ct);
            if (secretary is null)
            {
                db.TownshipVacancies.Add(TownshipVacancy.From(fact, now));
                return;
            }

            foreach (var kind in Enum.GetValues<EligibilityKind>())
            {
                var flag = EligibilityFlag.Raise(
                    secretary.Id, secretary.PersonId, secretary.UnitId, kind, EligibilitySource.VenueDeadline, fact.FactId, fact.Reason,
                    calendar.DayOf(fact.OccurredAt));
                db.EligibilityFlags.Add(flag);
                db.PublishOnCommit(flag.ToEvent(now));
            }
        });
}
