namespace PartyPlatform.Venues.Funding;

public static class FundingApi
{
    public static RouteGroupBuilder MapFundingApi(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/venues").WithTags("Funding");
}
