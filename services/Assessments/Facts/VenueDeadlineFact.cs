using PartyPlatform.Contracts.Venues;

namespace PartyPlatform.Assessments.Facts;

/// <summary>A unit Venues found short of full coverage at the deadline, kept once by the fact's id.</summary>
public sealed class VenueDeadlineFact
{
    private VenueDeadlineFact()
    {
    }

    public Guid FactId { get; private set; }

    public VenueDeadlineMissed Fact { get; private set; } = null!;

    public static VenueDeadlineFact From(VenueDeadlineMissed fact) => new() { FactId = fact.FactId, Fact = fact };
}
