using System.Text.Json;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Dashboard.Personnel;

/// <param name="AlsoDirectorPercent">一肩挑: the share of the villages whose secretary is also the committee director, one decimal.</param>
public sealed record SecretaryProfileResponse(
    Guid UnitId, string UnitName, string? UnitCode, UnitLevel Level, int Villages, int Secretaries, int AlsoDirector, decimal AlsoDirectorPercent,
    IReadOnlyList<AgeBand> AgeBands, IReadOnlyDictionary<string, int> ByEducation, IReadOnlyDictionary<string, int> BySource,
    long Version, DateTimeOffset OccurredAt)
{
    /// <summary>Names and codes from the tree copy at read time: a rename moves no figure.</summary>
    public static SecretaryProfileResponse From(SecretaryProfile profile, UnitReplica unit, int year, IReadOnlyList<int> bounds) => new(
        unit.Id, unit.Name, unit.Code, profile.Level, profile.Villages, profile.Secretaries, profile.AlsoDirector,
        VillageSecretaryProfileChanged.AlsoDirectorPercent(profile.Villages, profile.AlsoDirector),
        Contracts.Personnel.AgeBands.Count(JsonSerializer.Deserialize<Dictionary<int, int>>(profile.ByBirthYear)!, year, bounds),
        JsonSerializer.Deserialize<Dictionary<string, int>>(profile.ByEducation)!, JsonSerializer.Deserialize<Dictionary<string, int>>(profile.BySource)!,
        profile.Version, profile.OccurredAt);
}

/// <summary>An official whose term ends soon (or has ended) with no exit arranged, at a village; nobody is named here.</summary>
public sealed record EndingTermResponse(
    Guid OfficialId, Guid VillageId, string VillageName, string? VillageCode, int TermNumber, DateOnly TermEnds, int DaysLeft, DateTimeOffset OccurredAt);

/// <summary>How many officials of a unit's villages (the caller's, when no unit is named) serve, and end their term within the window with no exit.</summary>
public sealed record EndingTermsResponse(Guid? UnitId, int Serving, int Ending, int WindowDays, Page<EndingTermResponse> Officials);
