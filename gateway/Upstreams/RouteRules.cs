using System.Text.RegularExpressions;

namespace PartyPlatform.Gateway.Upstreams;

/// <summary>
/// One entry of <c>Gateway:Routes</c>: a path pattern under a service's <c>/api/&lt;service&gt;</c> that
/// differs from the service's defaults, by its request timeout (longer, or none for long uploads and
/// event streams), its own per-caller budget (read-heavy Dashboard routes) and/or its own body limit (bulk uploads).
/// </summary>
/// <param name="Timeout">The route's request timeout; null for the default (<see cref="UpstreamOptions.RequestTimeout"/>).</param>
/// <param name="TimeoutDisabled">No request timeout at all (<c>"Timeout": "Disabled"</c>); the idle timeout still applies.</param>
/// <param name="PermitsPerWindow">A budget of its own per caller and window, instead of the caller's general one.</param>
/// <param name="MaxRequestBodyBytes">A body limit of its own, instead of <c>Gateway:MaxRequestBodyBytes</c>.</param>
public sealed partial record RouteRule(
    string Name,
    string Service,
    string Path,
    IReadOnlyList<string>? Methods,
    TimeSpan? Timeout,
    bool TimeoutDisabled,
    int? PermitsPerWindow,
    long? MaxRequestBodyBytes = null)
{
    public const string SectionName = GatewayOptions.SectionName + ":Routes";

    /// <summary>The key under which a route's own body limit travels in its YARP route metadata.</summary>
    public const string BodyLimitMetadata = "MaxRequestBodyBytes";
    public const string Disabled = "Disabled";

    /// <summary>
    /// The rules in configuration. A rule for a service the gateway does not route yet (the survey ingest
    /// before Surveys lands) is read and checked, and applies once the service is listed.
    /// </summary>
    public static IReadOnlyList<RouteRule> FromConfiguration(IConfiguration configuration) =>
        [.. configuration.GetSection(SectionName).GetChildren().Select(Read)];

    private static RouteRule Read(IConfigurationSection rule)
    {
        var key = rule.Path;
        var path = rule["Path"];
        if (path is null || ServicePath().Match(path) is not { Success: true } match)
        {
            throw new InvalidOperationException(
                $"{key}:Path must be a route pattern under /api/<service>/ (e.g. /api/dashboard/stream/{{**rest}}), not '{path}'.");
        }

        var timeoutText = rule["Timeout"];
        var disabled = string.Equals(timeoutText, Disabled, StringComparison.OrdinalIgnoreCase);
        TimeSpan? timeout = null;
        if (timeoutText is not null && !disabled)
        {
            timeout = TimeSpan.TryParse(timeoutText, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero
                ? parsed
                : throw new InvalidOperationException($"{key}:Timeout must be a positive time span or '{Disabled}', not '{timeoutText}'.");
        }

        var permits = rule.GetValue<int?>("PermitsPerWindow");
        if (permits <= 0)
        {
            throw new InvalidOperationException($"{key}:PermitsPerWindow must be positive, not {permits}.");
        }

        var maxBody = rule.GetValue<long?>("MaxRequestBodyBytes");
        if (maxBody <= 0)
        {
            throw new InvalidOperationException($"{key}:MaxRequestBodyBytes must be positive, not {maxBody}.");
        }

        var methods = rule.GetSection("Methods").Get<string[]>();
        return new RouteRule(rule.Key, match.Groups["service"].Value, path, methods is { Length: > 0 } ? methods : null, timeout, disabled, permits, maxBody);
    }

    [GeneratedRegex("^/api/(?<service>[a-z][a-z0-9-]{0,62})/")]
    private static partial Regex ServicePath();
}
