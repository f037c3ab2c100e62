using PartyPlatform.Identity.Clients;
using PartyPlatform.Identity.People;

namespace PartyPlatform.Identity.Accounts;

public static class AdminApi
{
    /// <summary>
    /// Everything under <c>/api/identity</c>: the city administrators' management of clients and people.
    /// </summary>
    public static RouteGroupBuilder MapIdentityAdminApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/identity");
        // OPEN FOR NOW. Issue 3 restricts this group to city administrators once the shared authorization
        // (ServiceDefaults) lands; then this one line does it: api.RequireAuthorization("CityAdministrator");
        api.MapClientsApi();
        api.MapUsersApi();
        return api;
    }
}
