namespace PartyPlatform.Venues.Funding;

public enum FundingSource
{
    /// <summary>市级奖补: computed by rule, never entered by hand.</summary>
    CitySubsidy,
    CountyFinance,
    Township,

    /// <summary>联村单位帮建</summary>
    PartnerUnit,

    /// <summary>村企共建</summary>
    Enterprise,
    Other,
}
