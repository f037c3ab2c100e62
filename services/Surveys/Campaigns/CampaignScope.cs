using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Campaigns;

/// <summary>The Party organisations a campaign covers, taken from the tree copy, and kept following it while the campaign runs.</summary>
public static class CampaignScope
{
    /// <summary>Every organisation of <paramref name="kinds"/> in service under the campaign's unit joins its scope, each published.</summary>
    public static async Task<int> FillAsync(this SurveysDb db, Campaign campaign, IReadOnlyCollection<Contracts.Organizations.PartyOrganizationKind> kinds, CancellationToken ct)
    {
        var units = db.Units.Subtrees([campaign.UnitId]).Select(u => u.Id);
        var organizations = await db.PartyOrganizations.AsNoTracking()
            .Where(o => !o.Retired && units.Contains(o.UnitId) && kinds.Contains(o.Kind))
            .ToListAsync(ct);
        foreach (var organization in organizations)
        {
            var entry = CampaignOrganization.Add(campaign.Id, organization, campaign.CreatedAt);
            db.CampaignOrganizations.Add(entry);
            db.PublishOnCommit(entry.ToEvent());
        }

        return organizations.Count;
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
