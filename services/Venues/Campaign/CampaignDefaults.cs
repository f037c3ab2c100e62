using PartyPlatform.Venues.Standards;

namespace PartyPlatform.Venues.Campaign;

/// <summary>
/// The campaign terms and the first checklist a new installation starts with (section
/// <c>Venues</c> of appsettings.json). After that the city edits them through the API.
/// </summary>
public sealed class CampaignDefaults
{
    public const string Section = "Venues";

    public CampaignTerms Campaign { get; set; } = null!;

    public string ChecklistTitle { get; set; } = "";

    public List<ChecklistItem> Checklist { get; set; } = [];
}
