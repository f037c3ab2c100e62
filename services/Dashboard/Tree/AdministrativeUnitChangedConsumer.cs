using MassTransit;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Tree;

/// <summary>
/// Keeps the dashboard's copy of the tree. Batched: loading a city's tree is thousands of events,
/// and one transaction per batch keeps up with them.
/// </summary>
public sealed class AdministrativeUnitChangedConsumer(DashboardDb db) : IConsumer<Batch<AdministrativeUnitChanged>>, IInboxConsumer
{
    public static string Name => "dashboard-administrative-unit-changed";

    public Task Consume(ConsumeContext<Batch<AdministrativeUnitChanged>> context) =>
        db.ApplyOnceAsync(context, this, (changes, ct) => db.ApplyUnitChangesAsync(changes, ct));
}
