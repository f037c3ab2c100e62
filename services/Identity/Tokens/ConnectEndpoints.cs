using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using PartyPlatform.Identity.Accounts;
using PartyPlatform.Identity.Data;
using PartyPlatform.Identity.People;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PartyPlatform.Identity.Tokens;

/// <summary>
/// The two OpenIddict endpoints that pass through to us once OpenIddict has validated the request
/// (client, secret, redirect URI, PKCE): here we decide who the token is for and what it says.
/// </summary>
public static class ConnectEndpoints
{
    private static string? dummyHash;

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
        HttpContext http, IdentityDb db, IPasswordHasher<Person> hasher, TimeProvider time, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenIddict request is missing.");

        if (!HttpMethods.IsPost(http.Request.Method) || string.IsNullOrEmpty(request.Username))
        {
            return request.HasPromptValue(PromptValues.None)
                ? Refuse(Errors.LoginRequired, "The user must sign in.")
                : SignInPage.Render(http, request, error: null);
        }

        var userName = request.Username.Trim().ToLowerInvariant();
        var person = await db.People.FirstOrDefaultAsync(p => p.UserName == userName, ct);
        if (person is null || !await PasswordMatchesAsync(db, hasher, person, request.Password ?? "", time, ct))
        {
            if (person is null)
            {
                // As slow as a real check, so that the answer's timing does not tell which user names exist.
                hasher.VerifyHashedPassword(null!, dummyHash ??= hasher.HashPassword(null!, Secrets.NewPassword()), request.Password ?? "");
            }

            return SignInPage.Render(http, request, "用户名或密码错误，或账号已停用。");
        }

        return SignIn(TokenClaims.ForPerson(person, request.GetScopes()));
    }

    private static async Task<bool> PasswordMatchesAsync(
        IdentityDb db, IPasswordHasher<Person> hasher, Person person, string password, TimeProvider time, CancellationToken ct)
    {
        if (!person.CanSignIn)
        {
            return false;
        }

        var result = hasher.VerifyHashedPassword(person, person.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            person.SetPasswordHash(hasher.HashPassword(person, password), time.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }

        return result != PasswordVerificationResult.Failed;
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
