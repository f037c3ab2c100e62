using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Personnel.Posts;

/// <summary>Where each kind of post sits, who may hold it, and which kinds one person alone may hold at a unit at a time.</summary>
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

    /// <summary>
    /// Where the holder must be registered, for posts that say: a first secretary is a township (or county)
    /// official sent to a village, never one of the village's own people.
    /// </summary>
    public static void CheckHolder(PostKind kind, UnitLevel home)
    {
        if (kind == PostKind.FirstSecretary && home is not (UnitLevel.Township or UnitLevel.County))
        {
            throw new RuleViolationException("personId", $"A first secretary is a township or county official sent to a village; this person is registered on a {home.ToString().ToLowerInvariant()}.");
        }
    }
}
