using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Surveys.Figures;

/// <param name="Households">Households of the organisations whose households are known.</param>
/// <param name="VisitRate">Distinct households visited over households, in percent, over the organisations whose households are known.</param>
/// <param name="BlankSpots">Organisations with no visit at all (空白点).</param>
/// <param name="UnknownHouseholds">Organisations whose households are not entered yet: their visits are not in the rate.</param>
public sealed record UnitVisitFigures(
    Guid UnitId,
    string UnitName,
    UnitLevel Level,
    int Organizations,
    long Households,
    long VisitedHouseholds,
    decimal? VisitRate,
    int BlankSpots,
    int UnknownHouseholds);

/// <summary>A gap of the 四不漏 view: an organisation not visited, or visited under the floor.</summary>
public sealed record VisitGap(
    Guid OrganizationId,
    string Code,
    string Name,
    PartyOrganizationKind Kind,
    Guid UnitId,
    int? Households,
    int VisitedHouseholds,
    decimal? VisitRate,
    bool BlankSpot);
