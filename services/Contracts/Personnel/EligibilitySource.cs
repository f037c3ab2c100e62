namespace PartyPlatform.Contracts.Personnel;

/// <summary>Where an eligibility flag came from.</summary>
public enum EligibilitySource
{
    /// <summary>Raised by an operator, with the reason typed in.</summary>
    Hand,

    /// <summary>Venues' <c>VenueDeadlineMissed</c> for the secretary's township.</summary>
    VenueDeadline,
}
