using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PartyPlatform.Gateway.Upstreams;

namespace PartyPlatform.Gateway.RateLimits;

/// <summary>
/// One fixed-window budget per caller (ASP.NET Core's rate limiter, as the global limiter so that no
/// route can forget it). Runs after authentication, so a caller is known by its token's <c>client_id</c>;
/// a refused request answers 429 ProblemDetails with <c>Retry-After</c> in seconds. Health probes are
/// never limited: an orchestrator must not see a busy gateway as a dead one. A route with a budget of its
/// own (<c>Gateway:Routes:&lt;name&gt;:PermitsPerWindow</c>, the read-heavy Dashboard routes) counts each
/// caller there instead, so a big screen neither runs out nor uses up the caller's general budget.
/// </summary>
public static partial class ClientRateLimits
{
    public const string ClientIdClaim = "client_id";
    public const string SubjectClaim = "sub";

    private static readonly PathString[] Unlimited = ["/health", "/alive"];
    private static readonly PathString CredentialPaths = "/connect";

    public static IServiceCollection AddClientRateLimits(this IServiceCollection services, RateLimitOptions limits, IReadOnlyList<RouteRule> rules)
    {
        services.AddSingleton(limits);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits));
            foreach (var rule in rules.Where(rule => rule.PermitsPerWindow is not null))
            {
                var policy = RoutePolicy(rule);
                options.AddPolicy(policy, context => FixedWindow($"{policy}:{CallerKey(context)}", rule.PermitsPerWindow!.Value, limits.Window));
            }
            options.OnRejected = (rejected, cancellationToken) => RejectAsync(rejected, limits);
        });
        return services;
    }

    /// <summary>The rate limiter policy of a route with a budget of its own.</summary>
    public static string RoutePolicy(RouteRule rule) => $"route-{rule.Name}";

    /// <summary>After <c>UseAuthentication</c> (the partition needs the token's client), before <c>UseAuthorization</c>
    /// (refused calls count too).</summary>
    public static WebApplication UseClientRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions limits)
    {
        var path = context.Request.Path;
        if (Unlimited.Any(unlimited => path.StartsWithSegments(unlimited))
            // The route's own policy counts this caller instead.
            || context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null)
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        // Client secrets and passwords arrive here, never with a useful bearer token: always per address,
        // so that a token held by the guesser buys no extra attempts.
        if (HttpMethods.IsPost(context.Request.Method) && path.StartsWithSegments(CredentialPaths))
        {
            return FixedWindow($"credentials:{Address(context)}", limits.AnonymousPermitsPerWindow, limits.Window);
        }

        return FixedWindow(CallerKey(context), limits.PermitsPerWindow, limits.Window);
    }

    /// <summary>Whom a budget belongs to: the token's caller, or the address of a caller without one.</summary>
    private static string CallerKey(HttpContext context) =>
        Caller(context.User) is { } caller ? $"caller:{caller}" : $"address:{Address(context)}";

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// The token's client; for a person signed in through a client (the web page) the person as well,
    /// so that one busy user does not use up the budget of everyone on the same page.
    /// </summary>
    public static string? Caller(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        var client = user.FindFirst(ClientIdClaim)?.Value;
        var subject = user.FindFirst(SubjectClaim)?.Value;
        return (client, subject) switch
        {
            (null, null) => null,
            (not null, null) => client,
            (null, not null) => $"-/{subject}",
            _ when client == subject => client,
            _ => $"{client}/{subject}",
        };
    }

    private static RateLimitPartition<string> FixedWindow(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, RateLimitOptions limits)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

        LogRejected(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientRateLimits)),
            context.Request.Method, context.Request.Path, Caller(context.User) ?? "anonymous",
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown", seconds);

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This caller has used its budget for the current {limits.Window.TotalSeconds:0.###}-second window; retry after {seconds} s.",
                Extensions = { ["retryAfterSeconds"] = seconds },
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit: refused {Method} {Path} from {Caller} at {Address}; retry after {RetryAfterSeconds} s")]
    private static partial void LogRejected(ILogger logger, string method, string path, string caller, string address, int retryAfterSeconds);
}
