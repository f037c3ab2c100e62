using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Campaigns;

public static class CampaignOrganizations
{
    /// <summary>
    /// The organisation of the campaign's scope that a body names by code, for a write: 400 naming
    /// <c>organizationCode</c> when the campaign has none of that code, 403 when it lies outside the caller's unit.
    /// </summary>
    public static async Task<CampaignOrganization> NamedInBodyAsync(this SurveysDb db, Campaign campaign, string code, ReplicaScope scope, CancellationToken ct)
    {
        code = code.Trim();
        var organization = await db.CampaignOrganizations.AsNoTracking()
                               .FirstOrDefaultAsync(o => o.CampaignId == campaign.Id && o.OrganizationCode == code && o.SucceededBy == null, ct)
                           ?? throw new RuleViolationException("organizationCode", $"No organisation with code '{code}' is in the campaign '{campaign.Name}'.");
        await scope.EnsureBodyUnitAsync(organization.UnitId, $"Organisation '{organization.OrganizationName}'", ct);
        return organization;
    }

    /// <summary>400 naming <paramref name="field"/> unless <paramref name="day"/> falls in the campaign's period.</summary>
    public static void EnsureInPeriod(this Campaign campaign, DateOnly day, string field)
    {
        if (!campaign.Covers(day))
        {
            throw new RuleViolationException(field,
                $"{day:yyyy-MM-dd} is outside the campaign's period, {campaign.StartsOn:yyyy-MM-dd} to {campaign.EndsOn:yyyy-MM-dd}.");
        }
    }
}
