using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Personnel.Posts;

/// <summary>Where each kind of post sits, and which kinds one person alone may hold at a unit at a time.</summary>
public static class PostRules
{
    public static UnitLevel LevelOf(PostKind kind) => kind switch
    {
        PostKind.CountySecretary or PostKind.CountyOrganizationHead => UnitLevel.County,
        PostKind.TownshipSecretary => UnitLevel.Township,
        _ => UnitLevel.Village,
    };

    /// <summary>One holder at a unit at a time; a village has many college-graduate officials and reserve talents.</summary>
    public static bool HasOneHolder(PostKind kind) => kind is not (PostKind.CollegeGraduateOfficial or PostKind.ReserveTalent);
}
