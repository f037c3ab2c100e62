namespace PartyPlatform.Organizations.DemoData;

public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    /// <summary>Load the synthetic city into an empty database at start-up. Off in production.</summary>
    public bool Load { get; set; }
}
