namespace PartyPlatform.Venues.Ledger;

public sealed class LedgerOptions
{
    public const string Section = "Venues:Ledger";

    /// <summary>Rows one ledger import may hold: more than a county has villages, and one import is one transaction.</summary>
    public int MaxRows { get; set; } = 5000;
}
