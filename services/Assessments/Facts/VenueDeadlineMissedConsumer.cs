using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Assessments.Facts;

/// <summary>
/// Keeps each missed venue deadline once, by its fact id: a replay repeats the fact with the same id, so a
/// deduction or a required special report drawn from it is never made twice.
/// </summary>
public sealed class VenueDeadlineMissedConsumer(AssessmentsDb db) : IConsumer<VenueDeadlineMissed>, IInboxConsumer
{
    public static string Name => "assessments-venue-deadline-missed";

    public Task Consume(ConsumeContext<VenueDeadlineMissed> context) =>
        db.ApplyOnceAsync(context, this, async ct =>
        {
            var fact = context.Message;
            if (!await db.VenueDeadlineFacts.AnyAsync(f => f.FactId == fact.FactId, ct))
            {
                db.VenueDeadlineFacts.Add(VenueDeadlineFact.From(fact));
            }
        });
}
