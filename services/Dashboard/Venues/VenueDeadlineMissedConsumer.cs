using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Venues;

/// <summary>
/// Records each missed deadline once. Keyed by the fact's id, not by unit and deadline: should Venues
/// ever state a second fact for one unit, it shows as a second row rather than being hidden.
/// </summary>
public sealed class VenueDeadlineMissedConsumer(DashboardDb db) : IConsumer<VenueDeadlineMissed>, IInboxConsumer
{
    public static string Name => "dashboard-venue-deadline-missed";

    public Task Consume(ConsumeContext<VenueDeadlineMissed> context) =>
        db.ApplyOnceAsync(context, this, async ct =>
        {
            var fact = context.Message;
            if (!await db.DeadlineFacts.AnyAsync(f => f.FactId == fact.FactId, ct))
            {
                db.DeadlineFacts.Add(DeadlineFact.From(fact));
            }
        });
}
