using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace PartyPlatform.Auditing;

/// <summary>
/// Readiness of <typeparamref name="TDbContext"/>'s database: it answers a query, asked on a small pool of
/// the check's own. On the service's pool the check would queue behind the consumers and requests whenever
/// they hold every connection (a replay does), and the service would look down to the orchestrator and
/// the gateway exactly while it works.
/// </summary>
public sealed class DatabaseReadinessCheck<TDbContext>(string connectionString, DatabaseOptions options) : IHealthCheck, IAsyncDisposable
    where TDbContext : DbContext
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = options.ReadinessPoolSize }.ConnectionString);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // A query, not just an open: an idle pooled connection opens without asking the server.
            await using var command = dataSource.CreateCommand("SELECT 1");
            command.CommandTimeout = (int)Math.Ceiling(options.ConnectTimeout.TotalSeconds);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database does not answer.", exception);
        }
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
