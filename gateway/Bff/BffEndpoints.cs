using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;

namespace PartyPlatform.Gateway.Bff;

/// <summary>What the signed-in person is, as the web page shows it.</summary>
public sealed record BffUser(string Name, string? UserName, IReadOnlyList<string> Roles, Guid? UnitId, string UnitCode, string? UnitName);

/// <summary>
/// The web page's session: sign in (a redirect to Identity's form), sign out, and who is signed in.
/// Public: each decides from the session cookie itself, and none ever redirects an XHR.
/// </summary>
public static class BffEndpoints
{
    public const string DefaultReturnUrl = "/dashboard/";

    public static RouteGroupBuilder MapBffApi(this IEndpointRouteBuilder routes)
    {
        var bff = routes.MapGroup("/bff").AllowAnonymous()
            .WithTag("Web page session", "The web page's sign-in (authorization code + PKCE at Identity) and its session cookie; no token ever reaches the page.");

        bff.MapGet("/login", Login).WithName("SignIn")
            .WithSummary("Start the sign-in: a redirect to Identity's sign-in form, back to returnUrl (a local path) once signed in")
            .Produces(StatusCodes.Status302Found);
        bff.MapPost("/logout", Logout).WithName("SignOut")
            .WithSummary("End the session: its refresh token revoked at Identity, the cookie removed; needs the header X-CSRF: 1")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        bff.MapGet("/user", CurrentUser).WithName("GetSignedInUser")
            .WithSummary("Who is signed in: name, user name, roles and unit; 401 without a session")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        return bff;
    }

    private static Results<ChallengeHttpResult, ValidationProblem> Login(string? returnUrl, HttpContext context)
    {
        returnUrl ??= DefaultReturnUrl;
        if (!IsLocalPath(returnUrl))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["returnUrl"] = ["The return address must be a path on this site, starting with a single '/'."],
            });
        }

        return TypedResults.Challenge(
            new AuthenticationProperties { RedirectUri = $"{context.Request.PathBase}{returnUrl}" }, [BffSession.SignInScheme]);
    }

    /// <summary>A path on this host: one leading '/', never '//' or '/\' (which browsers read as another host), no control characters.</summary>
    public static bool IsLocalPath(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\') && !url.Any(char.IsControl);

    private static async Task<Results<NoContent, ProblemHttpResult>> Logout(HttpRequest request, SessionTokens tokens)
    {
        if (!Csrf.Satisfied(request))
        {
            return TypedResults.Problem(SessionProblems.CsrfHeaderMissing());
        }

        if (await request.HttpContext.AuthenticateAsync(BffSession.CookieScheme) is { Succeeded: true } session)
        {
            await tokens.RevokeAsync(session, request.HttpContext.RequestAborted);
        }

        await request.HttpContext.SignOutAsync(BffSession.CookieScheme);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<BffUser>, ProblemHttpResult>> CurrentUser(HttpContext context, SessionTokens tokens, UnitLookup units)
    {
        if (await context.AuthenticateAsync(BffSession.CookieScheme) is not { Succeeded: true } session
            || await tokens.AccessAsync(context, session) is not { } access)
        {
            return TypedResults.Problem(SessionProblems.SessionEnded());
        }

        var user = access.User;
        var unitCode = user.FindFirstValue(CallerScope.UnitCodeClaim) ?? "";
        var unit = await units.FindAsync(unitCode, access.AccessToken, context.RequestAborted);
        return TypedResults.Ok(new BffUser(
            user.FindFirstValue("name") ?? "",
            user.FindFirstValue("preferred_username"),
            [.. user.FindAll("role").Select(role => role.Value)],
            unit?.Id,
            unitCode,
            unit?.Name));
    }
}
