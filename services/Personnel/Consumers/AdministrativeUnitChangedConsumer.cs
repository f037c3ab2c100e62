using MassTransit;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.Merges;
using PartyPlatform.Personnel.Profiles;

namespace PartyPlatform.Personnel.Consumers;

/// <summary>
/// Keeps Personnel's copy of the tree, batched like the other copies, ends the terms on merged units, and
/// publishes the village-secretary profiles and the village leaders that a new, moved or merged unit changes.
/// </summary>
public sealed class AdministrativeUnitChangedConsumer(PersonnelDb db, CityCalendar calendar, TimeProvider time)
    : IConsumer<Batch<AdministrativeUnitChanged>>, IInboxConsumer
{
    public static string Name => "personnel-administrative-unit-changed";

    public Task Consume(ConsumeContext<Batch<AdministrativeUnitChanged>> context) =>
        db.ApplyOnceAsync(context, this, async (changes, ct) =>
        {
            var changed = await db.ApplyUnitChangesAsync(changes, ct);
            if (changed.Count == 0)
            {
                return;
            }

            var now = time.GetUtcNow();
            await db.ApplyMergesAsync(changed, changes, calendar, now, ct);
            await db.SaveChangesAsync(ct);
            // A merged-away village loses its leaders; its successor's are posted again by hand (re-posting).
            await db.PublishLeadershipAsync([.. changed.MovedUnits(), .. changed.Where(c => c.Merged).Select(c => c.Unit.Id)], now, ct);
        });
}
