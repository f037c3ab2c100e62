using System.Text.Json;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Personnel.Profiles;

/// <summary>The leaders last published for a village (see <see cref="VillageLeadersChanged"/>), so that only a change publishes again.</summary>
public sealed class VillageLeadersSnapshot : IPublishedEntity
{
    public Guid VillageId { get; private set; }

    Guid IPublishedEntity.Id => VillageId;

    /// <summary>The published list, as JSON: compared whole, never queried into.</summary>
    public string Leaders { get; private set; } = "[]";

    public long Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static VillageLeadersSnapshot For(Guid villageId) => new() { VillageId = villageId };

    /// <returns>Whether the list moved (and the version with it). A village that never had a leader publishes nothing.</returns>
    public bool Update(IReadOnlyList<VillageLeader> leaders, DateTimeOffset now)
    {
        var json = JsonSerializer.Serialize(leaders);
        if (json == Leaders)
        {
            return false;
        }

        Leaders = json;
        Version++;
        UpdatedAt = now;
        return true;
    }

    public VillageLeadersChanged ToEvent() => new(VillageId, Version, JsonSerializer.Deserialize<List<VillageLeader>>(Leaders)!, UpdatedAt);
}
