using System.Text.Json;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Personnel.Profiles;

/// <summary>
/// The profile last published for a unit, so that only a change publishes again, and what the profile
/// reads answer from (the same figures the Dashboard holds). The counts per key are kept as JSON.
/// </summary>
public sealed class ProfileSnapshot : IPublishedEntity
{
    public Guid UnitId { get; private set; }

    Guid IPublishedEntity.Id => UnitId;

    public string UnitName { get; private set; } = "";

    public string? UnitCode { get; private set; }

    public UnitLevel Level { get; private set; }

    public Guid? ParentId { get; private set; }

    public int Villages { get; private set; }

    public int Secretaries { get; private set; }

    public int AlsoDirector { get; private set; }

    public string ByEducation { get; private set; } = "{}";

    public string BySource { get; private set; } = "{}";

    public string ByBirthYear { get; private set; } = "{}";

    public long Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ProfileSnapshot For(Guid unitId) => new() { UnitId = unitId };

    /// <summary>The figures of a unit nothing has published for yet (version 0), counted now.</summary>
    public static ProfileSnapshot Unpublished(SecretaryProfile profile, DateTimeOffset now)
    {
        var snapshot = For(profile.Unit.Id);
        snapshot.Update(profile, now);
        snapshot.Version = 0;
        return snapshot;
    }

    /// <returns>Whether the figures moved (and the version with them).</returns>
    public bool Update(SecretaryProfile profile, DateTimeOffset now)
    {
        var (education, source, birthYear) =
            (JsonSerializer.Serialize(profile.ByEducation), JsonSerializer.Serialize(profile.BySource), JsonSerializer.Serialize(profile.ByBirthYear));
        var unit = profile.Unit;
        if (Version > 0 && (Villages, Secretaries, AlsoDirector, ByEducation, BySource, ByBirthYear, UnitName, UnitCode, ParentId)
            == (profile.Villages, profile.Secretaries, profile.AlsoDirector, education, source, birthYear, unit.Name, unit.Code, unit.ParentId))
        {
            return false;
        }

        (UnitName, UnitCode, Level, ParentId) = (unit.Name, unit.Code, unit.Level, unit.ParentId);
        (Villages, Secretaries, AlsoDirector) = (profile.Villages, profile.Secretaries, profile.AlsoDirector);
        (ByEducation, BySource, ByBirthYear) = (education, source, birthYear);
        Version++;
        UpdatedAt = now;
        return true;
    }

    public IReadOnlyDictionary<string, int> EducationCounts => JsonSerializer.Deserialize<Dictionary<string, int>>(ByEducation)!;

    public IReadOnlyDictionary<string, int> SourceCounts => JsonSerializer.Deserialize<Dictionary<string, int>>(BySource)!;

    public IReadOnlyDictionary<int, int> BirthYearCounts => JsonSerializer.Deserialize<Dictionary<int, int>>(ByBirthYear)!;

    public VillageSecretaryProfileChanged ToEvent() => new(
        UnitId, Version, UnitName, UnitCode, Level, Villages, Secretaries, AlsoDirector, EducationCounts, SourceCounts, BirthYearCounts, UpdatedAt);
}
