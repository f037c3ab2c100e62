using MassTransit;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Assessments.Consumers;

/// <summary>
/// Keeps Assessments' copy of the Party organisations, batched like the units. A round's scope does not follow a
/// merge: the retired organisation keeps its grades, and the successor is graded from the next round.
/// </summary>
public sealed class PartyOrganizationChangedConsumer(AssessmentsDb db) : IConsumer<Batch<PartyOrganizationChanged>>, IInboxConsumer
{
    public static string Name => "assessments-party-organization-changed";

    public Task Consume(ConsumeContext<Batch<PartyOrganizationChanged>> context) =>
        db.ApplyOnceAsync(context, this, async (changes, ct) =>
        {
            if ((await db.ApplyPartyOrganizationChangesAsync(changes, ct)).Count > 0)
            {
                await db.SaveChangesAsync(ct);
            }
        });
}
