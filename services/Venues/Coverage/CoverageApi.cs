namespace PartyPlatform.Venues.Coverage;

public static class CoverageApi
{
    public static RouteGroupBuilder MapCoverageApi(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/venues/coverage").WithTags("Coverage");
}
