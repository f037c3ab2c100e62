namespace PartyPlatform.Contracts.Surveys;

/// <summary>偶发/反复: raised for the first time, or raised by the same organisation in an earlier campaign too.</summary>
public enum ProblemRecurrence
{
    /// <summary>偶发.</summary>
    Occasional,

    /// <summary>反复.</summary>
    Recurring,
}
