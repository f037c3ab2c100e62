namespace PartyPlatform.Organizations.PartyOrganizations;

/// <summary>
/// The last number assigned under one code prefix (division code and kind letter, see
/// <see cref="PartyOrganizationCode"/>). Only ever counted up, so no number is handed out twice.
/// </summary>
public sealed class PartyOrganizationCodeSequence
{
    private PartyOrganizationCodeSequence()
    {
    }

    public string Prefix { get; private set; } = "";

    public int Last { get; private set; }
}
