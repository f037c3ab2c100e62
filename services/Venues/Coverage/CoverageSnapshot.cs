using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Venues.Coverage;

/// <summary>The coverage last published for a unit, so that only a change publishes again.</summary>
public sealed class CoverageSnapshot : IPublishedEntity
{
    public Guid UnitId { get; private set; }

    Guid IPublishedEntity.Id => UnitId;

    public int Villages { get; private set; }

    public int VillagesWithVenue { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static CoverageSnapshot For(Guid unitId) => new() { UnitId = unitId };

    /// <returns>Whether the figures moved (and the version with them).</returns>
    public bool Update(int villages, int withVenue, DateTimeOffset now)
    {
        if (Version > 0 && villages == Villages && withVenue == VillagesWithVenue)
        {
            return false;
        }

        Villages = villages;
        VillagesWithVenue = withVenue;
        Version++;
        UpdatedAt = now;
        return true;
    }
}
