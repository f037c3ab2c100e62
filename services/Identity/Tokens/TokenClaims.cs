using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using PartyPlatform.Identity.Accounts;
using PartyPlatform.Identity.Clients;
using PartyPlatform.Identity.People;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PartyPlatform.Identity.Tokens;

/// <summary>
/// What a token says about its holder. Every service reads these names:
/// <c>sub</c>, <c>name</c>, <c>role</c> (one claim per <see cref="PlatformRole"/>), <c>unit_code</c>,
/// <c>client_id</c> for machine clients, <c>preferred_username</c> for people, and the audience <c>partyplatform</c>.
/// </summary>
public static class TokenClaims
{
    public const string Audience = "partyplatform";
    public const string UnitCode = "unit_code";

    public static ClaimsPrincipal ForClient(ApiClient client, IEnumerable<string> scopes) =>
        Build(client.ClientId, client.DisplayName, client.UnitCode, client.Roles, client.ClientId, userName: null, scopes);

    public static ClaimsPrincipal ForPerson(Person person, IEnumerable<string> scopes) =>
        Build(person.Id.ToString(), person.DisplayName, person.UnitCode, person.Roles, clientId: null, person.UserName, scopes);

    private static ClaimsPrincipal Build(
        string subject, string name, string unitCode, PlatformRole[] roles, string? clientId, string? userName, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject)
            .SetClaim(Claims.Name, name)
            .SetClaim(UnitCode, unitCode)
            .SetClaims(Claims.Role, [.. roles.Select(role => role.ToString())]);
        if (clientId is not null)
        {
            identity.SetClaim(Claims.ClientId, clientId);
        }

        // A person's sign-in name, which the web page shows next to the display name.
        if (userName is not null)
        {
            identity.SetClaim(Claims.PreferredUsername, userName);
        }

        identity.SetScopes(scopes);
        identity.SetResources(Audience);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.Role or UnitCode or Claims.PreferredUsername => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }
}
