using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Venues.Standards;

public sealed record PublishChecklistRequest(
    [property: Required, StringLength(200)] string Title,
    [property: Required] DateOnly? EffectiveFrom,
    [property: Required, MaxLength(500)] List<ChecklistItemRequest> Items);

public sealed record ChecklistItemRequest(
    [property: Required, StringLength(20)] string Code,
    [property: Required, StringLength(50)] string Group,
    [property: Required, StringLength(200)] string Name,
    [property: Required, Range(typeof(decimal), "0", "1000")] decimal? Weight);
