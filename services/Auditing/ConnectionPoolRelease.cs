using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace PartyPlatform.Auditing;

/// <summary>
/// Closes <typeparamref name="TDbContext"/>'s pooled connections when the service stops. Npgsql's pool outlives the host, and its idle
/// connections stay open for their idle lifetime (5 min): a process that starts and stops services, as the
/// tests do one per test, would otherwise fill the server's connection slots with ones no one uses.
/// </summary>
internal sealed class ConnectionPoolRelease<TDbContext>(string connectionString) : IHostedService
    where TDbContext : DbContext
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Connections in use close as they come back.
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
        return Task.CompletedTask;
    }
}
