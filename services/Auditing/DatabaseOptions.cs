using Microsoft.Extensions.Configuration;
using Npgsql;

namespace PartyPlatform.Auditing;

/// <summary>
/// <c>Database</c>: how a service uses its connections to the platform's one PostgreSQL server. Seven
/// services share its 200 connections, so each pool is capped (<see cref="MaxPoolSize"/>) well below
/// Npgsql's own 100: a replay burst in one service must not leave a restarted service without a slot.
/// A connection string that sets its own Timeout or Maximum Pool Size keeps it.
/// </summary>
/// <param name="ConnectTimeout">
/// How long opening a connection may take before the request answers 503 (Npgsql's own default is 15 s,
/// as long as the gateway waits for the whole request): while PostgreSQL restarts, a connection through a
/// proxy in front of it can hang rather than be refused.
/// </param>
/// <param name="MaxPoolSize">Most connections the service's requests, consumers and relay each hold at once.</param>
/// <param name="ReadinessPoolSize">Connections of the readiness check's own pool (<see cref="DatabaseReadinessCheck{TDbContext}"/>).</param>
public sealed record DatabaseOptions(TimeSpan ConnectTimeout, int MaxPoolSize, int ReadinessPoolSize)
{
    public const string SectionName = "Database";

    // Npgsql's canonical keyword names, as its builder lists the keywords a connection string sets.
    private const string TimeoutKeyword = "Timeout";
    private const string MaxPoolSizeKeyword = "Maximum Pool Size";

    public static DatabaseOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var connectTimeout = section.GetValue(nameof(ConnectTimeout), TimeSpan.FromSeconds(5));
        if (connectTimeout < TimeSpan.FromSeconds(1))
        {
            // Npgsql counts whole seconds, and 0 would mean waiting for ever.
            throw new InvalidOperationException($"{section.Path}:{nameof(ConnectTimeout)} must be at least 00:00:01, not {connectTimeout}.");
        }

        return new DatabaseOptions(
            connectTimeout,
            AtLeastOne(section, nameof(MaxPoolSize), 20),
            AtLeastOne(section, nameof(ReadinessPoolSize), 2));
    }

    /// <summary><paramref name="connectionString"/> with this connect timeout and pool size, unless it sets its own.</summary>
    public string ApplyTo(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        // Keys lists what the string sets; ContainsKey answers true for every keyword Npgsql knows.
        var given = settings.Keys.Cast<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!given.Contains(TimeoutKeyword))
        {
            settings.Timeout = (int)Math.Ceiling(ConnectTimeout.TotalSeconds);
        }

        if (!given.Contains(MaxPoolSizeKeyword))
        {
            settings.MaxPoolSize = MaxPoolSize;
        }

        return settings.ConnectionString;
    }

    private static int AtLeastOne(IConfigurationSection section, string key, int defaultValue)
    {
        var value = section.GetValue(key, defaultValue);
        return value >= 1 ? value : throw new InvalidOperationException($"{section.Path}:{key} must be at least 1, not {value}.");
    }
}
