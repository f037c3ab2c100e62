using System.Text.RegularExpressions;

namespace PartyPlatform.Gateway;

/// <summary>
/// The <c>Gateway</c> configuration section, read and checked once at start-up so that a typo
/// stops the gateway instead of silently dropping a service from the routes.
/// </summary>
public sealed partial record GatewayOptions(
    IReadOnlyList<string> Services,
    long MaxRequestBodyBytes)
{
    public const string SectionName = "Gateway";
    public const long DefaultMaxRequestBodyBytes = 32L * 1024 * 1024;
    public static readonly IReadOnlyList<string> DefaultServices = ["identity", "organizations", "venues", "dashboard", "personnel", "surveys", "assessments"];

    public static GatewayOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);

        // Read as plain arrays: binding into a pre-filled array would append to the defaults.
        var services = section.GetSection("Services").Get<string[]>() is { Length: > 0 } configured
            ? configured
            : DefaultServices;
        foreach (var service in services)
        {
            // The name becomes a host name (http://<service>) and a path segment (/api/<service>).
            if (!ServiceName().IsMatch(service))
            {
                throw new InvalidOperationException(
                    $"{SectionName}:Services holds '{service}'; a service name is lowercase letters, digits and '-', starting with a letter.");
            }
        }

        var maxBody = section.GetValue(nameof(MaxRequestBodyBytes), DefaultMaxRequestBodyBytes);
        if (maxBody <= 0)
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(MaxRequestBodyBytes)} must be positive, not {maxBody}.");
        }

        return new GatewayOptions(
            services.Distinct(StringComparer.Ordinal).ToArray(),
            maxBody);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex ServiceName();
}
