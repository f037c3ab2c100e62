using System.Text.Json;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Personnel;

/// <summary>The dashboard's copy of a township's, county's or the city's village-secretary profile, kept from Personnel's events.</summary>
public sealed class SecretaryProfile : IVersionedCopy<SecretaryProfile, VillageSecretaryProfileChanged>
{
    public Guid UnitId { get; private set; }

    public string UnitName { get; private set; } = "";

    public string? UnitCode { get; private set; }

    public UnitLevel Level { get; private set; }

    public int Villages { get; private set; }

    public int Secretaries { get; private set; }

    public int AlsoDirector { get; private set; }

    /// <summary>The counts per key as JSON, as published.</summary>
    public string ByEducation { get; private set; } = "{}";

    public string BySource { get; private set; } = "{}";

    public string ByBirthYear { get; private set; } = "{}";

    public long Version { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    Guid IVersionedCopy<SecretaryProfile, VillageSecretaryProfileChanged>.EntityId => UnitId;

    public static SecretaryProfile From(VillageSecretaryProfileChanged change)
    {
        var profile = new SecretaryProfile { UnitId = change.UnitId };
        profile.Apply(change);
        return profile;
    }

    public bool Apply(VillageSecretaryProfileChanged change)
    {
        if (change.Version <= Version)
        {
            return false;
        }

        (UnitName, UnitCode, Level) = (change.UnitName, change.UnitCode, change.Level);
        (Villages, Secretaries, AlsoDirector) = (change.Villages, change.Secretaries, change.AlsoDirector);
        ByEducation = JsonSerializer.Serialize(change.ByEducation);
        BySource = JsonSerializer.Serialize(change.BySource);
        ByBirthYear = JsonSerializer.Serialize(change.ByBirthYear);
        Version = change.Version;
        OccurredAt = change.OccurredAt.ToUniversalTime();
        return true;
    }
}
