using PartyPlatform.Identity.Clients;
using PartyPlatform.Identity.People;
using PartyPlatform.Security;

namespace PartyPlatform.Identity.Accounts;

public static class AdminApi
{
    /// <summary>
    /// Everything under <c>/api/identity</c>: the city administrators' management of clients and people.
    /// </summary>
    public static RouteGroupBuilder MapIdentityAdminApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/identity").RequireAuthorization(PlatformPolicies.CityAdministrator);
        api.MapClientsApi();
        api.MapUsersApi();
        return api;
    }
}
