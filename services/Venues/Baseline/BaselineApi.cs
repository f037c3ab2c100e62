namespace PartyPlatform.Venues.Baseline;

public static class BaselineApi
{
    public static RouteGroupBuilder MapBaselineApi(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/venues").WithTags("Baseline");
}
