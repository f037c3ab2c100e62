namespace PartyPlatform.Contracts.Assessments;

/// <summary>The city's three yearly award lists. Names travel in the API and in events.</summary>
public enum AwardKind
{
    /// <summary>十佳乡镇: the top townships.</summary>
    Townships,

    /// <summary>百强村: the top villages.</summary>
    Villages,

    /// <summary>千名党员致富带头人: the Party-member wealth leaders.</summary>
    WealthLeaders,
}
