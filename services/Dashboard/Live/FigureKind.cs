using PartyPlatform.AdministrativeTree;
using PartyPlatform.Dashboard.Assessments;
using PartyPlatform.Dashboard.Personnel;
using PartyPlatform.Dashboard.Surveys;
using PartyPlatform.Dashboard.Venues;

namespace PartyPlatform.Dashboard.Live;

/// <summary>The kinds of figures a stream event names, as the page reloads them.</summary>
public static class FigureKind
{
    public const string Venues = "venues";
    public const string Personnel = "personnel";
    public const string Surveys = "surveys";
    public const string Assessments = "assessments";
    public const string Tree = "tree";

    public static readonly string[] All = [Venues, Personnel, Surveys, Assessments, Tree];

    /// <summary>Which figures a changed row of the read model moves, and at which unit; null for rows that are not figures (inbox, audit).</summary>
    public static (string Kind, Guid UnitId)? Of(object entity) => entity switch
    {
        VenueCoverage c => (Venues, c.UnitId),
        VenueRecord v => (Venues, v.VillageId),
        DeadlineFact d => (Venues, d.UnitId),
        ProjectScheduleRecord s => (Venues, s.VillageId),
        VenueFunding f => (Venues, f.UnitId),
        VenueCampaignRecord => (Venues, FigureChange.Everywhere),
        SecretaryProfile p => (Personnel, p.UnitId),
        GraduateOfficialRecord o => (Personnel, o.UnitId),
        VillageLeadersRecord l => (Personnel, l.VillageId),
        SurveyCampaignRecord c => (Surveys, c.UnitId),
        OrganizationVisitRecord o => (Surveys, o.UnitId),
        ProblemRecord p => (Surveys, p.UnitId),
        ClassificationRecord c => (Surveys, c.UnitId),
        GradingRecord g => (Assessments, g.UnitId),
        GradingTargetRecord t => (Assessments, t.UnitId),
        CountyScoreRecord s => (Assessments, s.CountyId),
        UnitReplica u => (Tree, u.Id),
        PartyOrganizationReplica o => (Tree, o.UnitId),
        _ => null,
    };
}
