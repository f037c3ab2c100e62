using MassTransit;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Assessments.Consumers;

/// <summary>Keeps Assessments' copy of the tree, batched like the other copies.</summary>
public sealed class AdministrativeUnitChangedConsumer(AssessmentsDb db) : IConsumer<Batch<AdministrativeUnitChanged>>, IInboxConsumer
{
    public static string Name => "assessments-administrative-unit-changed";

    public Task Consume(ConsumeContext<Batch<AdministrativeUnitChanged>> context) =>
        db.ApplyOnceAsync(context, this, async (changes, ct) =>
        {
            if ((await db.ApplyUnitChangesAsync(changes, ct)).Count > 0)
            {
                await db.SaveChangesAsync(ct);
            }
        });
}
