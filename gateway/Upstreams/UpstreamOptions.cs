namespace PartyPlatform.Gateway.Upstreams;

/// <summary>
/// <c>Gateway:Upstream</c>: how long the gateway waits for the services behind it, and how it finds out
/// that one is down. A caller gets an answer within <see cref="ConnectTimeout"/> for a service that is
/// gone and within a route's timeout (<see cref="RequestTimeout"/> unless the route says otherwise) for
/// one that is too slow; never a hang.
/// </summary>
public sealed record UpstreamOptions(
    TimeSpan ConnectTimeout,
    TimeSpan RequestTimeout,
    TimeSpan IdleTimeout,
    string ProbePath,
    TimeSpan ProbeInterval,
    TimeSpan ProbeTimeout,
    TimeSpan ReactivationPeriod)
{
    public const string SectionName = GatewayOptions.SectionName + ":Upstream";

    public static UpstreamOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var probe = section.GetSection("HealthCheck");
        var options = new UpstreamOptions(
            Positive(section, nameof(ConnectTimeout), TimeSpan.FromSeconds(2)),
            Positive(section, nameof(RequestTimeout), TimeSpan.FromSeconds(15)),
            Positive(section, nameof(IdleTimeout), TimeSpan.FromSeconds(100)),
            probe.GetValue("Path", "/health")!,
            Positive(probe, "Interval", TimeSpan.FromSeconds(5)),
            Positive(probe, "Timeout", TimeSpan.FromSeconds(3)),
            Positive(probe, nameof(ReactivationPeriod), TimeSpan.FromSeconds(5)));

        if (!options.ProbePath.StartsWith('/'))
        {
            throw new InvalidOperationException($"{SectionName}:HealthCheck:Path must start with '/', not '{options.ProbePath}'.");
        }
        return options;
    }

    private static TimeSpan Positive(IConfigurationSection section, string key, TimeSpan defaultValue)
    {
        var value = section.GetValue(key, defaultValue);
        return value > TimeSpan.Zero
            ? value
            : throw new InvalidOperationException($"{section.Path}:{key} must be a positive time span (e.g. {defaultValue}), not {value}.");
    }
}
