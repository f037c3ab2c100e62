using System.ComponentModel.DataAnnotations;
using PartyPlatform.Contracts.Venues;

namespace PartyPlatform.Venues.Projects;

public sealed record PlanVenueRequest(
    [property: Required] Guid? VillageId,
    [property: Required] VenueKind? Kind,
    [property: Required] decimal? FloorArea,
    IReadOnlyList<VenueFunction>? Functions,
    IReadOnlyList<IntegratedRoom>? Rooms,
    [property: Required] DateOnly? PlannedOn)
{
    // A method, not a property: request validation reads every property, before Kind is known to be there.
    public VenueDescription ToDescription() => new(Kind!.Value, FloorArea!.Value, Functions ?? [], Rooms ?? []);
}

public sealed record DescribeVenueRequest(
    [property: Required] VenueKind? Kind,
    [property: Required] decimal? FloorArea,
    IReadOnlyList<VenueFunction>? Functions,
    IReadOnlyList<IntegratedRoom>? Rooms)
{
    // A method, not a property: request validation reads every property, before Kind is known to be there.
    public VenueDescription ToDescription() => new(Kind!.Value, FloorArea!.Value, Functions ?? [], Rooms ?? []);
}

public sealed record AdvanceVenueRequest([property: Required] VenueState? State, [property: Required] DateOnly? On, [property: StringLength(500)] string? Note);

public sealed record CompleteMilestoneRequest([property: Required] DateOnly? On);

public sealed record ReportProgressRequest(
    [property: Required] DateOnly? On,
    [property: Required] int? PercentComplete,
    [property: Required, StringLength(2000)] string Note);
