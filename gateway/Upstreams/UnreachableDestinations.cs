using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace PartyPlatform.Gateway.Upstreams;

/// <summary>
/// The passive health check: a request that could not reach its service (<see cref="UpstreamFailures.IsUnreachable"/>)
/// marks that destination down at once, so the callers after it get 503 without waiting for a connect
/// attempt, until the reactivation period ends or the active probe finds it again. YARP's own passive
/// policy waits for a failure rate over many requests, which a dead service with one instance never needs.
/// </summary>
public sealed class UnreachableDestinations(IDestinationHealthUpdater health) : IPassiveHealthCheckPolicy
{
    public const string PolicyName = "UnreachableDestinations";

    public string Name => PolicyName;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        if (context.GetForwarderErrorFeature() is { } error && UpstreamFailures.IsUnreachable(error.Exception))
        {
            health.SetPassive(cluster, destination, DestinationHealth.Unhealthy,
                cluster.Model.Config.HealthCheck?.Passive?.ReactivationPeriod ?? TimeSpan.FromSeconds(5));
        }
    }
}
