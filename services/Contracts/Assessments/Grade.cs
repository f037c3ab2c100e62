namespace PartyPlatform.Contracts.Assessments;

/// <summary>The four grades of a village Party organisation in a yearly round (升级晋档). Names travel in the API and in events.</summary>
public enum Grade
{
    /// <summary>好.</summary>
    Good,

    /// <summary>较好.</summary>
    FairlyGood,

    /// <summary>一般.</summary>
    Average,

    /// <summary>较差: the village's election is watched, and a first secretary may be sent.</summary>
    Poor,
}
