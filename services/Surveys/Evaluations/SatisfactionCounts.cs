using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Evaluations;

/// <summary>An organisation's evaluations in a campaign: how many, and how many content with it and with its members.</summary>
public sealed record SatisfactionCounts(int Evaluations, int ContentWithOrganization, int ContentWithMembers)
{
    public static readonly SatisfactionCounts None = new(0, 0, 0);

    /// <summary>Satisfied or basically satisfied with the organisation, in percent to one decimal; null without evaluations.</summary>
    public decimal? OrganizationRate => Rate(ContentWithOrganization);

    public decimal? MembersRate => Rate(ContentWithMembers);

    private decimal? Rate(int content) => Share.Percent(content, Evaluations);
}

public static class SatisfactionQuery
{
    /// <summary>The counts of the organisations that have evaluations, in one grouped query.</summary>
    public static async Task<Dictionary<Guid, SatisfactionCounts>> SatisfactionAsync(this SurveysDb db, Guid campaignId, Guid[] organizationIds, CancellationToken ct) =>
        await db.Evaluations.Where(e => e.CampaignId == campaignId && organizationIds.Contains(e.OrganizationId))
            .GroupBy(e => e.OrganizationId)
            .Select(g => new
            {
                OrganizationId = g.Key,
                Evaluations = g.Count(),
                Organization = g.Count(e => e.OfOrganization != Satisfaction.Dissatisfied),
                Members = g.Count(e => e.OfMembers != Satisfaction.Dissatisfied),
            })
            .ToDictionaryAsync(c => c.OrganizationId, c => new SatisfactionCounts(c.Evaluations, c.Organization, c.Members), ct);
}
