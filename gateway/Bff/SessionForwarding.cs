using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;

namespace PartyPlatform.Gateway.Bff;

/// <summary>
/// A call to <c>/api/**</c> with the session cookie and no <c>Authorization</c> header goes on as if the
/// page had sent the session's access token itself: the header is added before authentication, so the
/// edge check, the rate limit (per client and person) and the services see exactly what a bearer caller
/// sends. A call with its own <c>Authorization</c> header is left alone (county systems).
/// </summary>
public static class SessionForwarding
{
    private static readonly PathString Api = "/api";

    /// <summary>Before <c>UseAuthentication</c>, which then validates the token as any other.</summary>
    public static WebApplication UseSessionForwarding(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(Api) || context.Request.Headers.ContainsKey(HeaderNames.Authorization)
                || await context.AuthenticateAsync(BffSession.CookieScheme) is not { Succeeded: true } session)
            {
                await next(context);
                return;
            }

            if (!Csrf.Satisfied(context.Request))
            {
                await BffSession.WriteProblemAsync(context, SessionProblems.CsrfHeaderMissing());
                return;
            }

            if (await context.RequestServices.GetRequiredService<SessionTokens>().AccessAsync(context, session) is not { AccessToken: var token })
            {
                await BffSession.WriteProblemAsync(context, SessionProblems.SessionEnded());
                return;
            }

            context.Request.Headers.Authorization = $"Bearer {token}";
            await next(context);
        });
        return app;
    }
}
