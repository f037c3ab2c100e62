using System.Text.Json;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Personnel;

/// <summary>The dashboard's copy of a village's leaders in post, kept from Personnel's events; no name travels.</summary>
public sealed class VillageLeadersRecord : IVersionedCopy<VillageLeadersRecord, VillageLeadersChanged>
{
    public Guid VillageId { get; private set; }

    /// <summary>The list as published, as JSON: read whole for one village's page.</summary>
    public string Leaders { get; private set; } = "[]";

    public long Version { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    Guid IVersionedCopy<VillageLeadersRecord, VillageLeadersChanged>.EntityId => VillageId;

    public IReadOnlyList<VillageLeader> List => JsonSerializer.Deserialize<List<VillageLeader>>(Leaders)!;

    public static VillageLeadersRecord From(VillageLeadersChanged change)
    {
        var record = new VillageLeadersRecord { VillageId = change.VillageId };
        record.Apply(change);
        return record;
    }

    public bool Apply(VillageLeadersChanged change)
    {
        if (change.Version <= Version)
        {
            return false;
        }

        Leaders = JsonSerializer.Serialize(change.Leaders);
        Version = change.Version;
        OccurredAt = change.OccurredAt.ToUniversalTime();
        return true;
    }
}
