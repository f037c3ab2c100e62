using MassTransit;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Personnel.Data;

namespace PartyPlatform.Personnel.Consumers;

/// <summary>Keeps Personnel's copy of the tree, batched like the other copies.</summary>
public sealed class AdministrativeUnitChangedConsumer(PersonnelDb db) : IConsumer<Batch<AdministrativeUnitChanged>>, IInboxConsumer
{
    public static string Name => "personnel-administrative-unit-changed";

    public Task Consume(ConsumeContext<Batch<AdministrativeUnitChanged>> context) =>
        db.ApplyOnceAsync(context, this, async (changes, ct) =>
        {
            if ((await db.ApplyUnitChangesAsync(changes, ct)).Count > 0)
            {
                await db.SaveChangesAsync(ct);
            }
        });
}
