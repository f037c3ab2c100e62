namespace PartyPlatform.Personnel.Imports;

public sealed class PeopleImportOptions
{
    public const string Section = "Personnel:Imports";

    /// <summary>Rows one import may hold: a county's leaders and reserve talent with room to spare; one import is one transaction.</summary>
    public int MaxRows { get; set; } = 20_000;

    /// <summary>Bytes an import's body may have (an .xlsx of <see cref="MaxRows"/> rows is about 2 MB, a CSV about 3 MB).</summary>
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;
}
