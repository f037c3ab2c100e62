namespace PartyPlatform.Contracts.Personnel;

/// <summary>The posts the platform follows (section 二 and 三 of the notice). Names travel in the API and in events.</summary>
public enum PostKind
{
    /// <summary>县委书记: 第一责任人 for the county's grassroots Party building.</summary>
    CountySecretary,

    /// <summary>县委组织部长: 直接责任人.</summary>
    CountyOrganizationHead,

    /// <summary>乡镇党委书记.</summary>
    TownshipSecretary,

    /// <summary>村党组织书记.</summary>
    VillageSecretary,

    /// <summary>村委会主任.</summary>
    VillageCommitteeDirector,

    /// <summary>第一书记: a township official sent to a village.</summary>
    FirstSecretary,

    /// <summary>大学生村官.</summary>
    CollegeGraduateOfficial,

    /// <summary>后备干部 (好苗子): meant for a village.</summary>
    ReserveTalent,
}
