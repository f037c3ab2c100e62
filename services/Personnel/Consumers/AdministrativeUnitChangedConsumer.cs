using MassTransit;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.Merges;

namespace PartyPlatform.Personnel.Consumers;

/// <summary>Keeps Personnel's copy of the tree, batched like the other copies, and ends the terms on merged units.</summary>
public sealed class AdministrativeUnitChangedConsumer(PersonnelDb db, CityCalendar calendar, TimeProvider time)
    : IConsumer<Batch<AdministrativeUnitChanged>>, IInboxConsumer
{
    public static string Name => "personnel-administrative-unit-changed";

    public Task Consume(ConsumeContext<Batch<AdministrativeUnitChanged>> context) =>
        db.ApplyOnceAsync(context, this, async (changes, ct) =>
        {
            var changed = await db.ApplyUnitChangesAsync(changes, ct);
            if (changed.Count > 0)
            {
                await db.ApplyMergesAsync(changed, changes, calendar, time.GetUtcNow(), ct);
                await db.SaveChangesAsync(ct);
            }
        });
}
