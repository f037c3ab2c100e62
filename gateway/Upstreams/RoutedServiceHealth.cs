using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace PartyPlatform.Gateway.Upstreams;

/// <summary>
/// One readiness check per routed service, reading what the proxy itself knows (its active probes and
/// passive checks): a service the gateway would refuse with 503 right now is Degraded in <c>/health</c>,
/// under its own name. Degraded, not Unhealthy: the gateway still serves every other service, and the
/// orchestrator must not take it for dead (<c>/health</c> answers 200 for Degraded). <c>/alive</c> does
/// not run these checks.
/// </summary>
public sealed class RoutedServiceHealth(IProxyStateLookup proxy, string service) : IHealthCheck
{
    public static IServiceCollection AddRoutedServiceHealth(IServiceCollection services, IEnumerable<string> serviceNames)
    {
        var checks = services.AddHealthChecks();
        foreach (var service in serviceNames)
        {
            checks.Add(new HealthCheckRegistration(
                service,
                provider => new RoutedServiceHealth(provider.GetRequiredService<IProxyStateLookup>(), service),
                HealthStatus.Degraded,
                [ServiceDefaultsExtensions.ReadyTag]));
        }
        return services;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!proxy.TryGetCluster(service, out var cluster) || cluster.DestinationsState.AllDestinations.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"No address of the '{service}' service is known."));
        }

        // The public /health names services, never their internal addresses.
        return Task.FromResult(cluster.DestinationsState.AvailableDestinations.Count > 0
            ? HealthCheckResult.Healthy($"The '{service}' service answers.")
            : HealthCheckResult.Degraded($"The '{service}' service is down: requests to it answer 503."));
    }
}
