using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.AdministrativeTree;

public static class PartyOrganizationReplicaModel
{
    /// <summary>
    /// Adds the <c>party_organization_replicas</c> table to a service's model: for a service that scopes
    /// by Party organisation. With it, the service's tree replay request asks for the organisations too.
    /// </summary>
    public static ModelBuilder AddPartyOrganizationReplicas(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new PartyOrganizationReplicaConfiguration());

    /// <summary>Whether <paramref name="db"/>'s model copies Party organisations.</summary>
    public static bool CopiesPartyOrganizations(this DbContext db) => db.Model.FindEntityType(typeof(PartyOrganizationReplica)) is not null;

    /// <summary>
    /// Applies a batch of Party organisation events to the copy and returns the organisations that
    /// changed. The version check decides, so a redelivered or late event changes nothing. Within the caller's
    /// transaction, after any other batch's (<see cref="TreeCopyLock"/>).
    /// </summary>
    public static async Task<IReadOnlyList<PartyOrganizationReplica>> ApplyPartyOrganizationChangesAsync(
        this DbContext db, IReadOnlyList<PartyOrganizationChanged> changes, CancellationToken ct)
    {
        await db.LockTreeCopyAsync(ct);
        // An event published before organisations had codes carries none: the replay this service asks for
        // at start brings the same versions with their codes, so such an event is left to it.
        var latest = changes.Where(c => c.Code is not null).GroupBy(c => c.OrganizationId).Select(g => g.MaxBy(c => c.Version)!).ToList();
        var ids = latest.Select(c => c.OrganizationId).ToArray();
        var organizations = await db.Set<PartyOrganizationReplica>().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var changed = new List<PartyOrganizationReplica>();
        foreach (var change in latest)
        {
            if (!organizations.TryGetValue(change.OrganizationId, out var organization))
            {
                organization = PartyOrganizationReplica.From(change);
                db.Add(organization);
                changed.Add(organization);
            }
            else if (organization.Apply(change))
            {
                changed.Add(organization);
            }
        }

        return changed;
    }
}
