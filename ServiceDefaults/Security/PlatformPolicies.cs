namespace PartyPlatform.Security;

/// <summary>Authorization policy names every service uses.</summary>
public static class PlatformPolicies
{
    /// <summary>Any platform role: the default for every endpoint.</summary>
    public const string Read = "platform-read";

    /// <summary>A role that changes data; viewers only read.</summary>
    public const string Write = "platform-write";

    public const string CityAdministrator = "platform-city-administrator";

    /// <summary>Personal information unmasked: personnel officers only, inside their unit (个人信息保护法).</summary>
    public const string PersonalInformation = "platform-personal-information";
}
