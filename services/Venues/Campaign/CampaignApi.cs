namespace PartyPlatform.Venues.Campaign;

public static class CampaignApi
{
    public static RouteGroupBuilder MapCampaignApi(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/venues").WithTags("Campaign terms");
}
