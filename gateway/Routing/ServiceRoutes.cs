using PartyPlatform.Gateway.Security;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace PartyPlatform.Gateway.Routing;

/// <summary>
/// Routes and clusters built from <c>Gateway:Services</c>: adding a service to the platform is
/// one line of configuration (plus its discovery entry from the AppHost), not new gateway code.
/// </summary>
public static class ServiceRoutes
{
    public static IServiceCollection AddServiceRoutes(this IServiceCollection services, IReadOnlyList<string> serviceNames)
    {
        services.AddReverseProxy()
            .LoadFromMemory(BuildRoutes(serviceNames), BuildClusters(serviceNames))
            // Turns http://<service> into the addresses of services:<service>:http:N (Aspire's entries).
            .AddServiceDiscoveryDestinationResolver();
        return services;
    }

    /// <summary>The token server: it also answers the OAuth/OIDC protocol paths, which have fixed names.</summary>
    public const string IdentityService = "identity";

    private static readonly string[] IdentityProtocolPaths = ["/connect/{**rest}", "/.well-known/{**rest}"];

    public static IReadOnlyList<RouteConfig> BuildRoutes(IEnumerable<string> serviceNames) =>
    [
        .. serviceNames.Contains(IdentityService)
            ? IdentityProtocolPaths.Select((path, i) => new RouteConfig
            {
                RouteId = $"{IdentityService}-protocol-{i}",
                ClusterId = IdentityService,
                // The token server itself: asking for a token cannot need one.
                AuthorizationPolicy = EdgeAuthorization.Anonymous,
                Match = new RouteMatch { Path = path },
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
            },
            // Each service serves its document as v1.json; here it is named after the service.
            new RouteConfig
            {
                RouteId = $"{service}-openapi",
                ClusterId = service,
                // The API browser reads the documents before anyone signs in.
                AuthorizationPolicy = EdgeAuthorization.Anonymous,
                Match = new RouteMatch { Path = $"/openapi/{service}.json", Methods = ["GET", "HEAD"] },
            }.WithTransformPathSet("/openapi/v1.json"),
        }),
    ];

    public static IReadOnlyList<ClusterConfig> BuildClusters(IEnumerable<string> serviceNames) =>
    [
        .. serviceNames.Select(service => new ClusterConfig
        {
            // The cluster id is the service name: error responses use it to name the service that failed.
            ClusterId = service,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [service] = new() { Address = $"http://{service}" },
            },
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
