namespace PartyPlatform.Venues.Standards;

public static class StandardsApi
{
    public static RouteGroupBuilder MapStandardsApi(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/venues").WithTags("Standardisation");
}
