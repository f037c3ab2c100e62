namespace PartyPlatform.Organizations.Imports;

public sealed class UnitImportOptions
{
    public const string Section = "Organizations:Imports";

    /// <summary>Rows one import may hold: a whole city's tree (the demo city has about 3,400) in one transaction, and no more.</summary>
    public int MaxRows { get; set; } = 10_000;
}
