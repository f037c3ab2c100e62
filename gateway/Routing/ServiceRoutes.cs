using PartyPlatform.Gateway.RateLimits;
using PartyPlatform.Gateway.Security;
using PartyPlatform.Gateway.Upstreams;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Transforms;

namespace PartyPlatform.Gateway.Routing;

/// <summary>
/// Routes and clusters built from <c>Gateway:Services</c>: adding a service to the platform is
/// one line of configuration (plus its discovery entry from the AppHost), not new gateway code.
/// Every route has a request timeout and every cluster health checks (<c>Gateway:Upstream</c>);
/// <c>Gateway:Routes</c> gives single paths their own timeout or budget.
/// </summary>
public static class ServiceRoutes
{
    public static IServiceCollection AddServiceRoutes(
        this IServiceCollection services, IReadOnlyList<string> serviceNames, UpstreamOptions upstream, IReadOnlyList<RouteRule> rules)
    {
        services.AddSingleton(upstream);
        services.AddRequestTimeouts();
        services.AddSingleton<IForwarderHttpClientFactory, UpstreamHttpClientFactory>();
        services.AddSingleton<IPassiveHealthCheckPolicy, UnreachableDestinations>();
        RoutedServiceHealth.AddRoutedServiceHealth(services, serviceNames);
        services.AddReverseProxy()
            .LoadFromMemory(BuildRoutes(serviceNames, upstream, rules), BuildClusters(serviceNames, upstream))
            .ExemptEventStreamsFromTimeouts()
            // The web page's session cookie is the gateway's alone (Bff/): no service uses cookies, and none should
            // receive (or log) the encrypted tokens; a session reaches them as its bearer token.
            .AddTransforms(transforms => transforms.AddRequestHeaderRemove(HeaderNames.Cookie))
            // Turns http://<service> into the addresses of services:<service>:http:N (Aspire's entries).
            .AddServiceDiscoveryDestinationResolver();
        return services;
    }

    /// <summary>The token server: it also answers the OAuth/OIDC protocol paths, which have fixed names.</summary>
    public const string IdentityService = "identity";

    private static readonly string[] IdentityProtocolPaths = ["/connect/{**rest}", "/.well-known/{**rest}"];

    public static IReadOnlyList<RouteConfig> BuildRoutes(IReadOnlyList<string> serviceNames, UpstreamOptions upstream, IReadOnlyList<RouteRule> rules) =>
    [
        .. serviceNames.Contains(IdentityService)
            ? IdentityProtocolPaths.Select((path, i) => new RouteConfig
            {
                RouteId = $"{IdentityService}-protocol-{i}",
                ClusterId = IdentityService,
                // The token server itself: asking for a token cannot need one.
                AuthorizationPolicy = EdgeAuthorization.Anonymous,
                Match = new RouteMatch { Path = path },
                Timeout = upstream.RequestTimeout,
            })
            : [],
        .. serviceNames.SelectMany(service => new[]
        {
            // Services map their endpoints under /api/<service> themselves: the path goes through unchanged.
            new RouteConfig
            {
                RouteId = $"{service}-api",
                ClusterId = service,
                // Any platform caller gets through; the service decides what it may see and change.
                AuthorizationPolicy = EdgeAuthorization.ApiPolicy,
                Match = new RouteMatch { Path = $"/api/{service}/{{**rest}}" },
                Timeout = upstream.RequestTimeout,
            },
            // Each service serves its document as v1.json; here it is named after the service.
            new RouteConfig
            {
                RouteId = $"{service}-openapi",
                ClusterId = service,
                // The API browser reads the documents before anyone signs in.
                AuthorizationPolicy = EdgeAuthorization.Anonymous,
                Match = new RouteMatch { Path = $"/openapi/{service}.json", Methods = ["GET", "HEAD"] },
                Timeout = upstream.RequestTimeout,
            }.WithTransformPathSet("/openapi/v1.json"),
        }),
        .. PageRoutes.Build(serviceNames, upstream),
        // A rule waits for its service: the survey ingest's exemption applies once Surveys is routed.
        .. rules.Where(rule => serviceNames.Contains(rule.Service)).Select(rule => new RouteConfig
        {
            RouteId = $"rule-{rule.Name}",
            ClusterId = rule.Service,
            AuthorizationPolicy = EdgeAuthorization.ApiPolicy,
            Match = new RouteMatch { Path = rule.Path, Methods = rule.Methods },
            // Before the service's catch-all; among rules the more specific pattern wins.
            Order = -1,
            Timeout = rule.TimeoutDisabled ? null : rule.Timeout ?? upstream.RequestTimeout,
            TimeoutPolicy = rule.TimeoutDisabled ? "Disable" : null,
            RateLimiterPolicy = rule.PermitsPerWindow is null ? null : ClientRateLimits.RoutePolicy(rule),
            // Read by the body limit (RequestLimits/) from the matched endpoint, before the proxy runs.
            Metadata = rule.MaxRequestBodyBytes is { } maxBody
                ? new Dictionary<string, string> { [RouteRule.BodyLimitMetadata] = maxBody.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                : null,
        }),
    ];

    public static IReadOnlyList<ClusterConfig> BuildClusters(IEnumerable<string> serviceNames, UpstreamOptions upstream) =>
    [
        .. serviceNames.Select(service => new ClusterConfig
        {
            // The cluster id is the service name: error responses and /health use it to name the service.
            ClusterId = service,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [service] = new() { Address = $"http://{service}" },
            },
            HealthCheck = new HealthCheckConfig
            {
                // YARP's default ("HealthyOrPanic") would send to a dead destination when no other is left.
                AvailableDestinationsPolicy = "HealthyAndUnknown",
                // Probes find a dead service before anyone calls it, and find it again when it is back.
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Path = upstream.ProbePath,
                    Interval = upstream.ProbeInterval,
                    Timeout = upstream.ProbeTimeout,
                    Policy = "ConsecutiveFailures",
                },
                // A request that finds it gone spares the callers after it the connect attempt.
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = UnreachableDestinations.PolicyName,
                    ReactivationPeriod = upstream.ReactivationPeriod,
                },
            },
            // Silence for this long ends a request even where no request timeout applies (event streams, uploads).
            HttpRequest = new ForwarderRequestConfig { ActivityTimeout = upstream.IdleTimeout },
        }),
    ];

    public static WebApplication MapServiceRoutes(this WebApplication app)
    {
        // A custom pipeline drops YARP's default steps, so they are listed again after ours.
        app.MapReverseProxy(proxy =>
        {
            proxy.UseUpstreamProblems();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
