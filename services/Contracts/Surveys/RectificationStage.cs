namespace PartyPlatform.Contracts.Surveys;

/// <summary>Where a problem's rectification stands (落实、督查、销号); it only moves forward, one step at a time.</summary>
public enum RectificationStage
{
    /// <summary>Raised, nobody responsible yet.</summary>
    Open,

    /// <summary>A responsible unit and a deadline are set (落实).</summary>
    Assigned,

    InProgress,

    Resolved,

    /// <summary>Checked by the county or the city (督查).</summary>
    Verified,

    /// <summary>销号: only with an answer to the people who raised it.</summary>
    Closed,
}
