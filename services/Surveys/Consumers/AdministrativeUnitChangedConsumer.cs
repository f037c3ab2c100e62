using MassTransit;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Consumers;

/// <summary>Keeps Surveys' copy of the tree, batched like the other copies.</summary>
public sealed class AdministrativeUnitChangedConsumer(SurveysDb db) : IConsumer<Batch<AdministrativeUnitChanged>>, IInboxConsumer
{
    public static string Name => "surveys-administrative-unit-changed";

    public Task Consume(ConsumeContext<Batch<AdministrativeUnitChanged>> context) =>
        db.ApplyOnceAsync(context, this, async (changes, ct) =>
        {
            if ((await db.ApplyUnitChangesAsync(changes, ct)).Count > 0)
            {
                await db.SaveChangesAsync(ct);
            }
        });
}
