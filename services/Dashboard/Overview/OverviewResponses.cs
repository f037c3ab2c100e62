using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;

namespace PartyPlatform.Dashboard.Overview;

/// <summary>A unit under its name and code as the tree copy holds them now.</summary>
public sealed record OverviewUnit(Guid Id, string? Code, string Name, UnitLevel Level)
{
    public static OverviewUnit From(UnitReplica unit) => new(unit.Id, unit.Code, unit.Name, unit.Level);
}

/// <summary>Everything the first screen shows for one unit, and the headline figures of each unit one level below it.</summary>
/// <param name="Ancestors">The units above it that the caller may see, top first: from the caller's own unit (the city for the city's accounts) down to its parent.</param>
public sealed record OverviewResponse(
    OverviewUnit Unit, IReadOnlyList<OverviewUnit> Ancestors, VenuesOverview Venues, GradingOverview Grading, LeadersOverview Leaders,
    SurveysOverview Surveys, RankingOverview Ranking, IReadOnlyList<ChildOverview> Children);

/// <summary>Venue coverage, projects behind schedule, funds and the 清零 countdown, as Venues last published them for the unit.</summary>
/// <param name="CoveragePercent">Villages with a usable venue among the villages; null before Venues published the unit's coverage.</param>
/// <param name="BehindSchedule">Venue projects in the unit's villages behind a milestone of the campaign.</param>
/// <param name="Funding">Funds pledged, arrived and the gap; null for a village, and before Venues published the unit's.</param>
/// <param name="Countdown">Days to the campaign's deadline and the villages still without a venue; null before Venues published its terms.</param>
/// <param name="AsOf">When the newest fact behind these figures was published; null when there is none.</param>
public sealed record VenuesOverview(
    int Villages, int WithVenue, int WithoutVenue, decimal? CoveragePercent, int BehindSchedule, FundingOverview? Funding, CountdownOverview? Countdown,
    DateTimeOffset? AsOf);

public sealed record FundingOverview(decimal Pledged, decimal Arrived, decimal Gap);

/// <param name="DaysLeft">0 on and after the deadline's day.</param>
public sealed record CountdownOverview(DateOnly Deadline, int DaysLeft, bool Passed, int VillagesWithoutVenue);

/// <param name="Year">The newest year graded; null before any grading.</param>
/// <param name="Results">Gradings decided by the county, or filed; the grades count these.</param>
/// <param name="GoodSharePercent">好 + 较好 among the results; null before any result.</param>
/// <param name="GoodTargetPercent">The target that applies (the county's own, else the city's); null before Assessments published any.</param>
/// <param name="MeetsTargets">Null before any result or target.</param>
public sealed record GradingOverview(
    int? Year, int Results, int Good, int FairlyGood, int Average, int Poor, decimal? GoodSharePercent, decimal? PoorSharePercent,
    decimal? GoodTargetPercent, decimal? PoorTargetPercent, bool? MeetsTargets, DateTimeOffset? AsOf);

public sealed record LabelCount(string Label, int Count);

/// <param name="OneShoulderPercent">一肩挑: villages whose secretary is also the committee director, among the villages.</param>
/// <param name="AgeBands">The village secretaries' ages on the city's year, in the configured bands.</param>
/// <param name="Education">The village secretaries per education, as Personnel names it.</param>
/// <param name="GraduateTermsEndingWithoutExit">College-graduate officials whose term ends within the window, or has ended, with no exit.</param>
public sealed record LeadersOverview(
    int Villages, int Secretaries, int OneShoulder, decimal? OneShoulderPercent, IReadOnlyList<LabelCount> AgeBands, IReadOnlyList<LabelCount> Education,
    int GraduateTermsEndingWithoutExit, DateTimeOffset? AsOf);

public sealed record CampaignReference(Guid Id, string Name);

/// <param name="Campaign">The latest campaign the caller takes part in; null before any, and every figure is zero.</param>
/// <param name="VisitRatePercent">入户率 over the organisations whose households are known.</param>
/// <param name="BlankSpots">Organisations with no visit (空白点).</param>
public sealed record SurveysOverview(
    CampaignReference? Campaign, int Organizations, long Households, long HouseholdsVisited, decimal? VisitRatePercent, int BlankSpots,
    int ProblemsOpen, int ProblemsOverdue, int ProblemsClosed, DateTimeOffset? AsOf);

/// <param name="Counties">Every county for the city; a county's own row for its county and the units in it.</param>
public sealed record RankingOverview(int? Year, IReadOnlyList<RankedCounty> Counties, DateTimeOffset? AsOf);

public sealed record RankedCounty(Guid UnitId, string? Code, string Name, decimal Total, int Rank);

/// <summary>A unit one level below, for the table and the map.</summary>
/// <param name="CoveragePercent">For a rural village 100 when it has a usable venue, else 0; null for an urban community and before Venues published the unit's coverage.</param>
/// <param name="VenueState">A village's venue's state; null for other units and for a village without a venue project.</param>
/// <param name="OneShoulderPercent">Null for a village: Personnel publishes the profile per township and up.</param>
public sealed record ChildOverview(
    OverviewUnit Unit, decimal? CoveragePercent, int? WithoutVenue, VenueState? VenueState, decimal? GoodSharePercent, decimal? PoorSharePercent,
    decimal? OneShoulderPercent, decimal? VisitRatePercent, int BlankSpots, int ProblemsOpen, int ProblemsOverdue);
