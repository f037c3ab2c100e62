namespace PartyPlatform.Assessments.CountyScoring;

/// <summary>Points taken from a county for each fact of a kind, e.g. the venue deadline missed (a fact counts once).</summary>
public sealed class DeductionRule
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public decimal Points { get; set; }

    public DeductionSource Fact { get; set; }
}

/// <summary>The facts a deduction can come from. Names travel in the API.</summary>
public enum DeductionSource
{
    /// <summary>Venues' fact: the county short of full venue coverage at the deadline.</summary>
    VenueDeadlineMissed,

    /// <summary>This service's fact: the county's villages not all graded by the round's deadline.</summary>
    GradingDeadlineMissed,
}
