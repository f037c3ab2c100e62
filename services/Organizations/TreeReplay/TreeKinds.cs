namespace PartyPlatform.Organizations.TreeReplay;

/// <summary>What a tree replay publishes again.</summary>
[Flags]
public enum TreeKinds
{
    None = 0,
    Units = 1,
    PartyOrganizations = 2,
}
