using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Dashboard.Surveys;

public sealed record SurveyCampaignResponse(Guid Id, string Name, Guid UnitId, DateOnly StartsOn, DateOnly EndsOn)
{
    public static SurveyCampaignResponse From(SurveyCampaignRecord c) => new(c.CampaignId, c.Name, c.UnitId, c.StartsOn, c.EndsOn);
}

/// <param name="VisitRate">入户率 in percent over the organisations whose households are known.</param>
/// <param name="BlankSpots">Organisations in the campaign with no visit (空白点).</param>
/// <param name="Problems">The ledger's problems (not suggestions): open (not yet closed), overdue of those, closed (销号).</param>
/// <param name="Classes">The organisations classified 好/中间/后进.</param>
/// <param name="UpdatedAt">When the newest of these figures was published: how fresh they are.</param>
public sealed record UnitVisitFiguresResponse(
    Guid UnitId,
    string UnitName,
    string? UnitCode,
    UnitLevel Level,
    int Organizations,
    long Households,
    long VisitedHouseholds,
    decimal? VisitRate,
    int BlankSpots,
    ProblemFigures Problems,
    ClassFigures Classes,
    DateTimeOffset? UpdatedAt);

public sealed record ProblemFigures(int Open, int Overdue, int Closed);

public sealed record ClassFigures(int Good, int Middling, int Backward);

/// <summary>A unit's visit figures in a campaign, and those of each unit one level below it; no campaign yet, and all are zero.</summary>
public sealed record VisitFiguresResponse(SurveyCampaignResponse? Campaign, UnitVisitFiguresResponse Unit, Page<UnitVisitFiguresResponse> Children);
