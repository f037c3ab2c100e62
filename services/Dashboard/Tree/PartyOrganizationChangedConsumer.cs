using MassTransit;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Tree;

/// <summary>
/// Keeps the dashboard's copy of the grassroots Party organisations, on which figures beyond the
/// villages (communities, enterprises, new social organisations) will be counted. Batched like the units.
/// </summary>
public sealed class PartyOrganizationChangedConsumer(DashboardDb db) : IConsumer<Batch<PartyOrganizationChanged>>, IInboxConsumer
{
    public static string Name => "dashboard-party-organization-changed";

    public Task Consume(ConsumeContext<Batch<PartyOrganizationChanged>> context) =>
        db.ApplyOnceAsync(context, this, (changes, ct) => db.ApplyPartyOrganizationChangesAsync(changes, ct));
}
