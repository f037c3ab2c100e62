using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Contracts.Venues;

namespace PartyPlatform.Dashboard.Overview;

/// <summary>
/// One village's page, as the Dashboard holds it. Nobody is named: the leaders come by person id, and the page reads their
/// names from Personnel's API, where its caller may see them; the college-graduate officials are counted.
/// </summary>
/// <param name="Ancestors">The units above the village, from the caller's own unit down to its township (as the overview's).</param>
/// <param name="Organization">The Party organisation the page was asked for, else the village's own; null when the copy holds none.</param>
/// <param name="Venue">Whether the village has a usable venue, and its venue project furthest along; null when Venues published neither.</param>
public sealed record VillagePageResponse(
    OverviewUnit Unit, IReadOnlyList<OverviewUnit> Ancestors, PartyOrganizationReference? Organization, VillageVenue? Venue, VillageLeaders Leaders, VillageGraduates Graduates,
    VillageGrading Grading, VillageSurvey Survey, VillageProblems Problems);

public sealed record PartyOrganizationReference(Guid Id, string Code, string Name, PartyOrganizationKind Kind);

/// <param name="HasUsableVenue">
/// Venues' coverage of the village: a usable venue from the baseline (摸底) or an accepted project; null for an urban
/// community (the campaign counts rural villages) and before Venues published the village.
/// </param>
/// <param name="VenueId">The project furthest along, with its state, kind, floor area and the day it reached the state; null without a project.</param>
public sealed record VillageVenue(
    bool? HasUsableVenue, Guid? VenueId, VenueState? State, VenueKind? Kind, decimal? FloorArea, DateOnly? StateDate, DateTimeOffset? AsOf);

/// <param name="Posts">The secretary's, the committee director's and the first secretary's terms in post, secretary first; empty before Personnel published any.</param>
/// <param name="AlsoDirector">The secretary is also the committee director (一肩挑).</param>
public sealed record VillageLeaders(IReadOnlyList<VillageLeaderPost> Posts, bool AlsoDirector, DateTimeOffset? AsOf);

/// <param name="Age">The age reached this year, in the city's calendar, as yearly statistics count it.</param>
/// <param name="Education">Personnel's education level, by name.</param>
/// <param name="Source">Personnel's source (致富带头人, …), by name.</param>
public sealed record VillageLeaderPost(Guid PostId, PostKind Kind, Guid PersonId, DateOnly Since, int Age, string Education, string Source);

/// <param name="Serving">Hired and not yet out of post today.</param>
/// <param name="EndingWithoutExit">Term ends within the window, or has ended, with no exit arranged.</param>
public sealed record VillageGraduates(int Serving, int EndingWithoutExit, DateTimeOffset? AsOf);

/// <param name="Year">The newest year graded anywhere; null before any grading.</param>
/// <param name="Grade">The village's grade that year; null when it has none.</param>
/// <param name="Decided">Whether the grade is a result (decided by the county, or filed) rather than in progress.</param>
public sealed record VillageGrading(int? Year, Grade? Grade, bool Decided, DateTimeOffset? AsOf);

/// <param name="Campaign">The latest campaign the caller takes part in; null before any.</param>
/// <param name="BlankSpot">An organisation of the village had no visit (空白点).</param>
/// <param name="Class">好/中间/后进 in that campaign; null before the classification.</param>
public sealed record VillageSurvey(
    CampaignReference? Campaign, int Organizations, long Households, long HouseholdsVisited, decimal? VisitRatePercent, bool BlankSpot,
    OrganizationClass? Class, DateTimeOffset? AsOf);

/// <summary>The latest campaign's problems (not suggestions) at the village, per stage of rectification.</summary>
public sealed record VillageProblems(IReadOnlyList<StageCount> ByStage, int Open, int Overdue, int Closed, DateTimeOffset? AsOf);

public sealed record StageCount(RectificationStage Stage, int Count);
