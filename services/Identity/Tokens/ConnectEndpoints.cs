using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using PartyPlatform.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PartyPlatform.Identity.Tokens;

/// <summary>
/// The two OpenIddict endpoints that pass through to us once OpenIddict has validated the request
/// (client, secret, redirect URI, PKCE): here we decide who the token is for and what it says.
/// </summary>
public static class ConnectEndpoints
{
    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder routes)
    {
        // The protocol endpoints are where callers get their tokens: public by design.
        routes.MapPost(TokenServerExtensions.TokenPath, Exchange).ExcludeFromDescription().AllowAnonymous();
        routes.MapMethods(TokenServerExtensions.AuthorizePath, [HttpMethods.Get, HttpMethods.Post], Authorize).ExcludeFromDescription().AllowAnonymous();
        return routes;
    }

    private static async Task<Results<SignInHttpResult, ForbidHttpResult>> Exchange(HttpContext http, IdentityDb db, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenIddict request is missing.");

        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has checked the secret; whether the client may still have tokens is ours to say.
            var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == request.ClientId, ct);
            return client is { Disabled: false }
                ? SignIn(TokenClaims.ForClient(client, request.GetScopes()))
                : Refuse(Errors.InvalidClient, "The client is disabled or unknown.");
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token names the person; their roles and unit are read again, so changes apply at the next refresh.
            var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var person = Guid.TryParse(granted.Principal?.GetClaim(Claims.Subject), out var id)
                ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
                : null;
            return person is { CanSignIn: true }
                ? SignIn(TokenClaims.ForPerson(person, granted.Principal!.GetScopes()))
                : Refuse(Errors.InvalidGrant, "The account is disabled or no longer exists.");
        }

        return Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    /// <summary>
    /// GET shows the sign-in form; its POST (the same authorization request, plus the credentials)
    /// issues the code. There is no sign-in cookie: every authorization asks for the password.
    /// </summary>
    private static async Task<Results<SignInHttpResult, ForbidHttpResult, ContentHttpResult>> Authorize(
        HttpContext http, PasswordSignIn passwords, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenIddict request is missing.");

        if (!HttpMethods.IsPost(http.Request.Method) || string.IsNullOrEmpty(request.Username))
        {
            return request.HasPromptValue(PromptValues.None)
                ? Refuse(Errors.LoginRequired, "The user must sign in.")
                : SignInPage.Render(http, request, error: null);
        }

        var check = await passwords.CheckAsync(request.Username.Trim().ToLowerInvariant(), request.Password ?? "", ct);
        return check switch
        {
            { SignedIn: { } person } => SignIn(TokenClaims.ForPerson(person, request.GetScopes())),
            { LockedFor: { } lockedFor } => SignInPage.Render(
                http, request, $"密码错误次数过多，账号已暂时锁定，请 {Math.Ceiling(lockedFor.TotalMinutes)} 分钟后再试。"),
            _ => SignInPage.Render(http, request, "用户名或密码错误，或账号已停用。"),
        };
    }

    private static SignInHttpResult SignIn(ClaimsPrincipal principal) =>
        TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static ForbidHttpResult Refuse(string error, string description) =>
        TypedResults.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
