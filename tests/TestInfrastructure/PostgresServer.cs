using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace PartyPlatform.TestInfrastructure;

/// <summary>
/// A throwaway PostgreSQL 15 server (scripts/postgres-server.sh) on a free port with a fresh data
/// folder and durability off (PG_FAST). Tests take a database of their own with
/// <see cref="CreateDatabaseAsync"/> and connect with <see cref="ConnectionString"/>.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    public const string User = "postgres";
    public const string Password = "test-password";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ServerProcess process;
    private readonly string tempDirectory;

    private PostgresServer(ServerProcess process, int port, string tempDirectory)
    {
        this.process = process;
        Port = port;
        this.tempDirectory = tempDirectory;
    }

    public int Port { get; }

    /// <param name="durable">fsync on, as in production: for benchmarks. Tests run without (a killed server still keeps every acknowledged commit).</param>
    public static Task<PostgresServer> StartAsync(bool durable = false, CancellationToken cancellationToken = default) =>
        ServerProcess.StartOnFreePortAsync(
            port =>
            {
                var tempDirectory = ServerProcess.CreateTempDirectory("pg");
                var process = ServerProcess.Start("PostgreSQL", "postgres-server.sh", new Dictionary<string, string>
                {
                    ["PGPORT"] = port.ToString(),
                    ["PG_DATA_DIR"] = Path.Combine(tempDirectory, "data"),
                    ["PG_USER"] = User,
                    ["PG_PASSWORD"] = Password,
                    ["PG_FAST"] = durable ? "0" : "1",
                    // Removed by the script once the server stops, even if this process died first.
                    ["DELETE_DATA_DIR_ON_EXIT"] = "1",
                });
                return new PostgresServer(process, port, tempDirectory);
            },
            server => server.process,
            (server, ct) => server.WaitUntilReadyAsync(ct),
            cancellationToken);

    /// <summary>The connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Password = Password,
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>Creates an empty database (letters, digits, '_' and '-' only).</summary>
    public async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"Not a simple database name: '{name}'.", nameof(name));
        }

        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled idle connections would only see "terminating connection" errors later.
        NpgsqlConnection.ClearAllPools();
        await process.StopAsync(TimeSpan.FromSeconds(30));
        ServerProcess.DeleteDirectory(tempDirectory);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        var probe = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false, Timeout = 5 }.ConnectionString;
        Exception? last = null;
        while (elapsed.Elapsed < StartTimeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw process.StartFailure("the server process exited");
            }

            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                last = ex;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw process.StartFailure($"no connection within {StartTimeout.TotalSeconds} s ({last?.Message})");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,63}$")]
    private static partial Regex DatabaseName();
}
