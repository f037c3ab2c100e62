namespace PartyPlatform.Contracts.Personnel;

/// <summary>What a township Party secretary may be barred from (section 三 of the notice).</summary>
public enum EligibilityKind
{
    /// <summary>评优评先: the city's awards.</summary>
    CityAwards,

    /// <summary>提拔重用: promotion.</summary>
    Promotion,
}
