namespace PartyPlatform.Contracts.Surveys;

/// <summary>How satisfied a household said it was (满意度测评). Names travel in the API.</summary>
public enum Satisfaction
{
    /// <summary>满意.</summary>
    Satisfied,

    /// <summary>基本满意.</summary>
    BasicallySatisfied,

    /// <summary>不满意.</summary>
    Dissatisfied,
}
