using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using PartyPlatform.Security;

namespace PartyPlatform.Gateway.Security;

/// <summary>
/// Tokens are checked at the edge with the same JwtBearer setup every service uses
/// (<see cref="PlatformAuthentication.AddPlatformAuthentication{TBuilder}"/>): a call to <c>/api/**</c>
/// without a valid token never reaches a service. The services authorise again (scope, write rights);
/// the gateway only asks "is this a platform caller at all", and forwards the Authorization header as is.
/// </summary>
public static class EdgeAuthorization
{
    /// <summary>YARP's reserved policy name for a route that skips authorization.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>What a proxied <c>/api/**</c> route needs: an authenticated caller with any platform role.</summary>
    public const string ApiPolicy = PlatformPolicies.Read;

    public static WebApplicationBuilder AddEdgeAuthorization(this WebApplicationBuilder builder)
    {
        builder.AddPlatformAuthentication();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return builder;
    }

    /// <summary>
    /// The framework's challenge and forbid (status, <c>WWW-Authenticate: Bearer error=...</c>) followed
    /// by a ProblemDetails body, so a 401/403 from the gateway reads like every other error of the platform.
    /// </summary>
    private sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler framework = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            await framework.HandleAsync(next, context, policy, authorizeResult);
            if (authorizeResult.Succeeded || context.Response.HasStarted)
            {
                return;
            }

            var problem = context.Response.StatusCode switch
            {
                StatusCodes.Status401Unauthorized => new ProblemDetails
                {
                    Status = StatusCodes.Status401Unauthorized,
                    Title = "Authentication required",
                    Detail = context.Request.Headers.ContainsKey(HeaderNames.Authorization)
                        ? "The bearer token was refused: it is malformed, expired, or not issued by this platform's identity service."
                        : "This route needs a bearer token from the platform's identity service (POST /connect/token).",
                },
                StatusCodes.Status403Forbidden => new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Forbidden",
                    Detail = "The token is valid but carries no platform role.",
                },
                _ => null,
            };
            if (problem is not null)
            {
                await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
            }
        }
    }
}
