using MassTransit;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Consumers;

/// <summary>Keeps Surveys' copy of the Party organisations, batched like the units, and makes running campaigns' scopes follow it.</summary>
public sealed class PartyOrganizationChangedConsumer(SurveysDb db, CityCalendar calendar, TimeProvider time)
    : IConsumer<Batch<PartyOrganizationChanged>>, IInboxConsumer
{
    public static string Name => "surveys-party-organization-changed";

    public Task Consume(ConsumeContext<Batch<PartyOrganizationChanged>> context) =>
        db.ApplyOnceAsync(context, this, async (changes, ct) =>
        {
            var changed = await db.ApplyPartyOrganizationChangesAsync(changes, ct);
            if (changed.Count > 0)
            {
                await db.FollowAsync(changed, calendar.Today, time.GetUtcNow(), ct);
            }
        });
}
