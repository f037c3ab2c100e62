namespace PartyPlatform.Contracts.Surveys;

/// <summary>How a campaign found a grassroots organisation (好/中间/后进). Names travel in the API and in events.</summary>
public enum OrganizationClass
{
    /// <summary>好.</summary>
    Good,

    /// <summary>中间.</summary>
    Middling,

    /// <summary>后进: backward, where first secretaries are sent and elections are watched.</summary>
    Backward,
}
