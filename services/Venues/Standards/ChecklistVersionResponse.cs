namespace PartyPlatform.Venues.Standards;

public sealed record ChecklistVersionResponse(
    int Number, string Title, DateOnly EffectiveFrom, decimal TotalWeight, IReadOnlyList<ChecklistItem> Items, string PublishedBy, DateTimeOffset PublishedAt)
{
    public static ChecklistVersionResponse From(ChecklistVersion c) =>
        new(c.Number, c.Title, c.EffectiveFrom, c.TotalWeight, c.Items, c.PublishedBy, c.PublishedAt);
}
