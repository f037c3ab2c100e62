namespace PartyPlatform.Contracts.Organizations;

/// <summary>Where a grassroots Party organisation (基层党组织) stands.</summary>
public enum PartyOrganizationKind
{
    Village,
    Community,
    Enterprise,
    SocialOrganization,
    Institution,
}
