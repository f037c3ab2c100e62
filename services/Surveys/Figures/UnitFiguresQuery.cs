using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Figures;

public static class UnitFiguresQuery
{
    /// <summary>
    /// Each unit's figures summed over the campaign's organisations in its subtree, one query per unit over the
    /// organisations' stored counts (a city has a few thousand), never over the visits.
    /// </summary>
    public static async Task<List<UnitVisitFigures>> FiguresAsync(this SurveysDb db, Guid campaignId, IReadOnlyList<UnitReplica> units, ReplicaScope scope, CancellationToken ct)
    {
        var figures = new List<UnitVisitFigures>(units.Count);
        foreach (var unit in units)
        {
            var subtree = scope.Within(unit.Id);
            var sums = await db.CampaignOrganizations
                .Where(o => o.CampaignId == campaignId && o.SucceededBy == null && subtree.Any(u => u.Id == o.UnitId))
                .GroupBy(_ => 1)
                .Select(g => new
                {
                    Organizations = g.Count(),
                    Households = g.Sum(o => (long?)o.Households) ?? 0,
                    Visited = g.Sum(o => (long)o.VisitedHouseholds),
                    VisitedCounted = g.Where(o => o.Households != null).Sum(o => (long)o.VisitedHouseholds),
                    BlankSpots = g.Count(o => o.VisitedHouseholds == 0),
                    Unknown = g.Count(o => o.Households == null),
                })
                .FirstOrDefaultAsync(ct);
            figures.Add(new UnitVisitFigures(unit.Id, unit.Name, unit.Level, sums?.Organizations ?? 0, sums?.Households ?? 0, sums?.Visited ?? 0,
                VisitRate.Percent(sums?.VisitedCounted ?? 0, sums?.Households), sums?.BlankSpots ?? 0, sums?.Unknown ?? 0));
        }

        return figures;
    }
}
