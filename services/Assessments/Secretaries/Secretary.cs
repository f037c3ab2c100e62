using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Assessments.Secretaries;

/// <summary>
/// A Party secretary of a county, township or village as Personnel's post says (the post copy): whose report or
/// commitment it is. Personnel owns the post; Assessments only refers to it.
/// </summary>
public sealed record Secretary(Guid PostId, Guid PersonId, Guid UnitId, PostKind Kind)
{
    public static bool IsSecretaryPost(PostKind kind) => kind is PostKind.CountySecretary or PostKind.TownshipSecretary or PostKind.VillageSecretary;

    /// <summary>Whether a term from <paramref name="start"/> to <paramref name="end"/> (the first day out of post) covers any day of <paramref name="year"/>.</summary>
    public static bool WasInPost(DateOnly start, DateOnly? end, int year) =>
        start <= new DateOnly(year, 12, 31) && (end is null || end > new DateOnly(year, 1, 1));

    /// <summary>The level above the secretary's unit, which hears the report and evaluates it (一级做给一级看): the city a county's, the county a township's, the township a village's.</summary>
    public UnitLevel EvaluatedAt => LevelAbove(Kind);

    public static UnitLevel LevelAbove(PostKind kind) => kind switch
    {
        PostKind.CountySecretary => UnitLevel.City,
        PostKind.TownshipSecretary => UnitLevel.County,
        _ => UnitLevel.Township,
    };

    public static string RefusalFor(PostKind kind) => kind switch
    {
        PostKind.CountySecretary => "A county secretary's report and commitments are evaluated by the city.",
        PostKind.TownshipSecretary => "A township secretary's report and commitments are evaluated by the county (or the city), not by the township.",
        _ => "A village secretary's report and commitments are evaluated by the township (or the county, or the city).",
    };
}
