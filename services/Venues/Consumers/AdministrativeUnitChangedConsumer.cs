using MassTransit;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Venues.Coverage;
using PartyPlatform.Venues.Data;

namespace PartyPlatform.Venues.Consumers;

/// <summary>
/// Keeps Venues' copy of the tree, batched like the dashboard's. A village added, moved or merged
/// away changes the coverage of the units above it, old and new, so that is published too. A rename
/// changes no count: recounting for it would take the coverage locks up to the city's, which every
/// venue write shares, and count the city's villages, for each batch of a county's renames.
/// </summary>
public sealed class AdministrativeUnitChangedConsumer(VenuesDb db, CoverageTracker coverage) : IConsumer<Batch<AdministrativeUnitChanged>>, IInboxConsumer
{
    public static string Name => "venues-administrative-unit-changed";

    public Task Consume(ConsumeContext<Batch<AdministrativeUnitChanged>> context) =>
        db.ApplyOnceAsync(context, this, async (changes, ct) =>
        {
            var changed = await db.ApplyUnitChangesAsync(changes, ct);
            if (changed.Count == 0)
            {
                return;
            }

            await db.SaveChangesAsync(ct);
            var touched = changed.MovedUnits();
            if (touched.Count > 0)
            {
                await coverage.PublishChangesAsync(touched, ct);
            }
        });
}
