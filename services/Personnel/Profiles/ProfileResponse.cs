using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Personnel.Profiles;

/// <param name="AlsoDirectorPercent">一肩挑: of the villages, the share whose secretary is also the committee director, one decimal.</param>
/// <param name="AgeBands">Secretaries per age band on this year (the age reached in it).</param>
public sealed record ProfileResponse(
    Guid UnitId, string UnitName, string? UnitCode, UnitLevel Level, int Villages, int Secretaries, int AlsoDirector, decimal AlsoDirectorPercent,
    IReadOnlyList<AgeBand> AgeBands, IReadOnlyDictionary<string, int> ByEducation, IReadOnlyDictionary<string, int> BySource,
    long Version, DateTimeOffset UpdatedAt)
{
    public static ProfileResponse From(ProfileSnapshot snapshot, int year, IReadOnlyList<int> bounds) => new(
        snapshot.UnitId, snapshot.UnitName, snapshot.UnitCode, snapshot.Level, snapshot.Villages, snapshot.Secretaries, snapshot.AlsoDirector,
        VillageSecretaryProfileChanged.AlsoDirectorPercent(snapshot.Villages, snapshot.AlsoDirector),
        Contracts.Personnel.AgeBands.Count(snapshot.BirthYearCounts, year, bounds), snapshot.EducationCounts, snapshot.SourceCounts,
        snapshot.Version, snapshot.UpdatedAt);
}
