using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Venues.Funding;

/// <summary>The funding last published for a township, county or city, so that only a move publishes again.</summary>
public sealed class FundingSnapshot : IPublishedEntity
{
    public Guid UnitId { get; private set; }

    Guid IPublishedEntity.Id => UnitId;

    public decimal Pledged { get; private set; }

    public decimal Arrived { get; private set; }

    public decimal Gap { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static FundingSnapshot For(Guid unitId) => new() { UnitId = unitId };

    /// <returns>Whether the figures moved (and the version with them).</returns>
    public bool Update(UnitFunding figures, DateTimeOffset now)
    {
        if (Version > 0 && figures.Pledged == Pledged && figures.Arrived == Arrived && figures.Gap == Gap)
        {
            return false;
        }

        (Pledged, Arrived, Gap) = (figures.Pledged, figures.Arrived, figures.Gap);
        Version++;
        UpdatedAt = now;
        return true;
    }
}
