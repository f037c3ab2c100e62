using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Contracts.Personnel;

/// <summary>
/// The village Party secretaries of a township, county or the city changed in a figure leaders look at.
/// Published for every version with all the figures; a consumer keeps the newest per unit. Ages come
/// as birth years so that a reader draws its age bands on its own day (<see cref="AgeBands"/>) and the
/// figures need no republishing as time passes. Counts only: nobody is named.
/// </summary>
/// <param name="Villages">Villages and communities in service under the unit.</param>
/// <param name="Secretaries">Of them, those with a secretary in post.</param>
/// <param name="AlsoDirector">Of those, the villages whose secretary is also the committee director (一肩挑).</param>
/// <param name="ByEducation">Secretaries per education level, by the level's name.</param>
/// <param name="BySource">Secretaries per source (致富带头人, …), by the source's name.</param>
/// <param name="ByBirthYear">Secretaries per year of birth.</param>
public sealed record VillageSecretaryProfileChanged(
    Guid UnitId,
    long Version,
    string UnitName,
    string? UnitCode,
    UnitLevel Level,
    int Villages,
    int Secretaries,
    int AlsoDirector,
    IReadOnlyDictionary<string, int> ByEducation,
    IReadOnlyDictionary<string, int> BySource,
    IReadOnlyDictionary<int, int> ByBirthYear,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => UnitId;

    /// <summary>一肩挑 as leaders read it: the share of all villages whose secretary is also the director, one decimal.</summary>
    public static decimal AlsoDirectorPercent(int villages, int alsoDirector) =>
        villages == 0 ? 0m : Math.Round(100m * alsoDirector / villages, 1);
}
