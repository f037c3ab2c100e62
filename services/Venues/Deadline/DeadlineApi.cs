namespace PartyPlatform.Venues.Deadline;

public static class DeadlineApi
{
    public static RouteGroupBuilder MapDeadlineApi(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/venues").WithTags("Deadline accountability");
}
