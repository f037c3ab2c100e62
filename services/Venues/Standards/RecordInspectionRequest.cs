using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Venues.Standards;

public sealed record RecordInspectionRequest(
    [property: Required] DateOnly? InspectedOn,
    [property: Required, StringLength(200)] string Inspector,
    [property: Required, MaxLength(500)] List<string?> MetItems,
    [property: StringLength(1000)] string? Note);
