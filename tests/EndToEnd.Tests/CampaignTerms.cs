namespace PartyPlatform.EndToEnd.Tests;

/// <summary>
/// The platform has one campaign (deadline, subsidy): the tests that change it run one at a time, so
/// that none moves the deadline while another relies on it.
/// </summary>
public static class CampaignTerms
{
    public const string Collection = "campaign terms";
}
