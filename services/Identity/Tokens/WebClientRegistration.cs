using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PartyPlatform.Identity.Tokens;

/// <summary>
/// The platform's own web page as an OpenIddict public client: no secret, PKCE required, redirect URIs
/// from <c>Identity:WebClient:RedirectUris</c>. Registered (or brought up to date) at every start.
/// </summary>
public static class WebClientRegistration
{
    public static async Task EnsureAsync(IOpenIddictApplicationManager applications, WebClientSettings settings, CancellationToken ct)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = WebClientSettings.ClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "农村基层党建工作平台",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in settings.RedirectUris.Where(u => !string.IsNullOrWhiteSpace(u)))
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        if (await applications.FindByClientIdAsync(WebClientSettings.ClientId, ct) is not { } existing)
        {
            await applications.CreateAsync(descriptor, ct);
            return;
        }

        // Written only when the configuration changed, so that replicas starting together do not race for the row.
        var current = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(current, existing, ct);
        if (!current.RedirectUris.SetEquals(descriptor.RedirectUris)
            || !current.Permissions.SetEquals(descriptor.Permissions)
            || !current.Requirements.SetEquals(descriptor.Requirements)
            || current.ClientType != descriptor.ClientType
            || current.DisplayName != descriptor.DisplayName)
        {
            await applications.UpdateAsync(existing, descriptor, ct);
        }
    }
}
