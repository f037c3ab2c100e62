using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Campaigns;

/// <summary>The Party organisations a campaign covers, taken from the tree copy, and kept following it while the campaign runs.</summary>
public static class CampaignScope
{
    /// <summary>
    /// Every organisation of <paramref name="kinds"/> in service under the campaign's unit joins its scope, each published.
    /// The entries are written by one statement, not as tracked entities: a city's 3,000 organisations through
    /// SaveChanges (with an audit entry each) took longer than the gateway's 30 s on a loaded machine. The plan's audit
    /// entry is the campaign's; the scope follows from it by the rule.
    /// </summary>
    public static async Task<int> FillAsync(this SurveysDb db, Campaign campaign, IReadOnlyCollection<Contracts.Organizations.PartyOrganizationKind> kinds, CancellationToken ct)
    {
        var units = db.Units.Subtrees([campaign.UnitId]).Select(u => u.Id);
        var organizations = await db.PartyOrganizations.AsNoTracking()
            .Where(o => !o.Retired && units.Contains(o.UnitId) && kinds.Contains(o.Kind))
            .ToListAsync(ct);
        var entries = organizations.ConvertAll(o => CampaignOrganization.Add(campaign.Id, o, campaign.CreatedAt));
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO campaign_organizations (id, campaign_id, organization_id, organization_code, organization_name, kind, unit_id, visited_households, version, updated_at)
            SELECT e.id, {campaign.Id}, e.organization_id, e.organization_code, e.organization_name, e.kind, e.unit_id, e.visited_households, e.version, {campaign.CreatedAt}
            FROM unnest({entries.Select(e => e.Id).ToArray()}, {entries.Select(e => e.OrganizationId).ToArray()}, {entries.Select(e => e.OrganizationCode).ToArray()},
                        {entries.Select(e => e.OrganizationName).ToArray()}, {entries.Select(e => e.Kind.ToString()).ToArray()}, {entries.Select(e => e.UnitId).ToArray()},
                        {entries.Select(e => e.VisitedHouseholds).ToArray()}, {entries.Select(e => e.Version).ToArray()})
                 AS e(id, organization_id, organization_code, organization_name, kind, unit_id, visited_households, version)
            """, ct);
        foreach (var entry in entries)
        {
            db.PublishOnCommit(entry.ToEvent());
        }

        return entries.Count;
    }

    /// <summary>
    /// The organisations whose copies changed, followed in the campaigns still running (not yet ended on
    /// <paramref name="today"/>): renamed or moved, their scope entries follow; merged away (撤并) with a successor,
    /// they leave the scope for the successor, which joins it if it was not in it. Ended campaigns keep their
    /// scope as it was. Each entry that changes is published.
    /// </summary>
    public static async Task FollowAsync(this SurveysDb db, IReadOnlyList<PartyOrganizationReplica> changed, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var ids = changed.Select(o => o.Id).ToArray();
        var entries = await db.CampaignOrganizations
            .Where(o => ids.Contains(o.OrganizationId) && o.SucceededBy == null)
            .Where(o => db.Campaigns.Any(c => c.Id == o.CampaignId && c.EndsOn >= today))
            .ToListAsync(ct);
        var byId = changed.ToDictionary(o => o.Id);
        foreach (var entry in entries)
        {
            var organization = byId[entry.OrganizationId];
            if (organization is { Retired: true, SuccessorId: { } successorId })
            {
                entry.LeaveFor(successorId, now);
                db.PublishOnCommit(entry.ToEvent());
                await JoinAsync(db, entry.CampaignId, successorId, now, ct);
            }
            else if (entry.Follow(organization, now))
            {
                db.PublishOnCommit(entry.ToEvent());
            }
        }
    }

    /// <summary>The successor joins the campaign's scope, unless it is in it already (its households are entered afresh).</summary>
    private static async Task JoinAsync(SurveysDb db, Guid campaignId, Guid organizationId, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.CampaignOrganizations.AnyAsync(o => o.CampaignId == campaignId && o.OrganizationId == organizationId, ct)
            || db.CampaignOrganizations.Local.Any(o => o.CampaignId == campaignId && o.OrganizationId == organizationId)
            || await db.PartyOrganizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId && !o.Retired, ct) is not { } successor)
        {
            return;
        }

        var entry = CampaignOrganization.Add(campaignId, successor, now);
        db.CampaignOrganizations.Add(entry);
        db.PublishOnCommit(entry.ToEvent());
    }
}
