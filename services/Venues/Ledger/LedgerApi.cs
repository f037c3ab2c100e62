namespace PartyPlatform.Venues.Ledger;

public static class LedgerApi
{
    public static RouteGroupBuilder MapLedgerApi(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/venues").WithTags("Ledgers");
}
