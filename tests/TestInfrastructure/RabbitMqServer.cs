using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using RabbitMQ.Client;

namespace PartyPlatform.TestInfrastructure;

/// <summary>
/// A throwaway RabbitMQ node (scripts/rabbitmq-server.sh) on a free port with a fresh data folder.
/// Tests take a vhost of their own with <see cref="CreateVirtualHostAsync"/>, so that durable
/// queues and bindings of one test never meet another's.
/// </summary>
public sealed partial class RabbitMqServer : IAsyncDisposable
{
    public const string User = "test";
    public const string Password = "test-password";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string tempDirectory;
    private readonly bool restartable;
    private ServerProcess process;
    private readonly Lock gate = new();
    private List<(string Name, TaskCompletionSource Done)> pendingVhosts = [];
    private Task? vhostImporter;

    private RabbitMqServer(ServerProcess process, int port, string tempDirectory, bool restartable)
    {
        this.process = process;
        Port = port;
        this.tempDirectory = tempDirectory;
        this.restartable = restartable;
    }

    public int Port { get; }

    /// <summary>amqp URI of the default vhost "/".</summary>
    public string AmqpUri => AmqpUriFor("/");

    private string DataDirectory => Path.Combine(tempDirectory, "data");

    /// <param name="restartable">
    /// The node keeps its data folder when it dies, so that a fault test can kill it
    /// (<see cref="KillAsync"/>) and start it again on the same port and data (<see cref="RestartAsync"/>),
    /// as a supervisor would. The folder is removed by <see cref="DisposeAsync"/>, or by a later run
    /// when this process is killed first.
    /// </param>
    public static Task<RabbitMqServer> StartAsync(bool restartable = false, CancellationToken cancellationToken = default) =>
        ServerProcess.StartOnFreePortAsync(
            port =>
            {
                var tempDirectory = ServerProcess.CreateTempDirectory("rabbitmq");
                return new RabbitMqServer(Launch(port, tempDirectory, restartable), port, tempDirectory, restartable);
            },
            server => server.process,
            (server, ct) => server.WaitUntilReadyAsync(ct),
            cancellationToken);

    /// <summary>
    /// kill -9 of the node's Erlang VM (beam.smp, found by its pid file): no goodbye to clients, no
    /// flush of anything unwritten. Returns once the node and its launcher are gone.
    /// </summary>
    public async Task KillAsync()
    {
        if (!restartable)
        {
            throw new InvalidOperationException("Only a node started with restartable: true may be killed: its data would go with it.");
        }

        var vmPid = int.Parse((await File.ReadAllTextAsync(Path.Combine(DataDirectory, "rabbitmq.pid"))).Trim());
        using (var vm = Process.GetProcessById(vmPid))
        {
            vm.Kill();
        }

        if (!await process.WaitForExitAsync(TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException($"The node's launcher did not exit after its VM (pid {vmPid}) was killed.");
        }
    }

    /// <summary>Starts the node again on its port and data folder, and waits until it takes AMQP connections.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (!process.HasExited)
        {
            throw new InvalidOperationException("The node still runs.");
        }

        process = Launch(Port, tempDirectory, restartable);
        await WaitUntilReadyAsync(cancellationToken);
    }

    /// <summary>amqp URI of <paramref name="vhost"/> (which must exist: see <see cref="CreateVirtualHostAsync"/>).</summary>
    public string AmqpUriFor(string vhost) =>
        $"amqp://{User}:{Uri.EscapeDataString(Password)}@127.0.0.1:{Port}/{Uri.EscapeDataString(vhost)}";

    /// <summary>
    /// Creates a vhost on which the test user has full permissions; returns its amqp URI.
    /// Requests that arrive while one CLI call runs are imported together by the next one: each
    /// call of rabbitmqctl costs about a second, parallel tests need not pay it one by one.
    /// </summary>
    public async Task<string> CreateVirtualHostAsync(string name)
    {
        if (!VhostName().IsMatch(name))
        {
            throw new ArgumentException($"Not a simple vhost name: '{name}'.", nameof(name));
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            pendingVhosts.Add((name, done));
            vhostImporter ??= Task.Run(ImportPendingVhostsAsync);
        }

        await done.Task;
        return AmqpUriFor(name);
    }

    /// <summary>
    /// Raises (or clears) the node's memory alarm: while it is up the broker stops reading from
    /// publishing connections, so a publish is sent and never confirmed, as on a broker in trouble.
    /// Node-wide: only for a node of the test's own, never the shared one.
    /// </summary>
    public async Task SetMemoryAlarmAsync(bool raised)
    {
        var (exitCode, output) = await RunCliAsync("set_vm_memory_high_watermark", raised ? "0" : "0.4");
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl set_vm_memory_high_watermark failed ({exitCode}): {output}");
        }
    }

    /// <summary>What the node itself says of its queues and connections (<see cref="RabbitMqCli.DescribeAsync"/>).</summary>
    public Task<string> DescribeAsync(string vhost = "/") => RabbitMqCli.DescribeAsync(DataDirectory, vhost);

    public async ValueTask DisposeAsync()
    {
        await process.StopAsync(TimeSpan.FromSeconds(60));
        ServerProcess.DeleteDirectory(tempDirectory);
    }

    private static ServerProcess Launch(int port, string tempDirectory, bool restartable) =>
        ServerProcess.Start("RabbitMQ", "rabbitmq-server.sh", new Dictionary<string, string>
        {
            ["RABBITMQ_PORT"] = port.ToString(),
            ["RABBITMQ_DATA_DIR"] = Path.Combine(tempDirectory, "data"),
            ["RABBITMQ_USER"] = User,
            ["RABBITMQ_PASSWORD"] = Password,
            // A throwaway node's data is removed by the script once the node stops, even if this
            // process died first; a restartable one's must outlive the node.
            ["DELETE_DATA_DIR_ON_EXIT"] = restartable ? "0" : "1",
        });

    private async Task ImportPendingVhostsAsync()
    {
        while (true)
        {
            List<(string Name, TaskCompletionSource Done)> batch;
            lock (gate)
            {
                if (pendingVhosts.Count == 0)
                {
                    vhostImporter = null;
                    return;
                }

                batch = pendingVhosts;
                pendingVhosts = [];
            }

            try
            {
                await ImportVhostsAsync(batch.Select(v => v.Name).ToList());
                batch.ForEach(v => v.Done.SetResult());
            }
            catch (Exception ex)
            {
                batch.ForEach(v => v.Done.SetException(ex));
            }
        }
    }

    private async Task ImportVhostsAsync(IReadOnlyList<string> names)
    {
        // Definitions add vhosts and permissions in one CLI call (add_vhost + set_permissions
        // would be two per vhost).
        var definitions = new
        {
            vhosts = names.Select(n => new { name = n }),
            permissions = names.Select(n => new { user = User, vhost = n, configure = ".*", write = ".*", read = ".*" }),
        };
        var file = Path.Combine(tempDirectory, $"vhosts-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(definitions));
        try
        {
            var (exitCode, output) = await RunCliAsync("import_definitions", file);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"rabbitmqctl import_definitions failed ({exitCode}): {output}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private Task<(int ExitCode, string Output)> RunCliAsync(params string[] arguments) => RabbitMqCli.RunAsync(DataDirectory, arguments);

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        // Ready means an authenticated AMQP connection works, not merely an open port: that
        // proves the node has booted and imported the test user.
        var factory = new ConnectionFactory
        {
            Uri = new Uri(AmqpUri),
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            AutomaticRecoveryEnabled = false,
        };
        var elapsed = Stopwatch.StartNew();
        Exception? last = null;
        while (elapsed.Elapsed < StartTimeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw process.StartFailure("the node process exited");
            }

            try
            {
                await using var connection = await factory.CreateConnectionAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                last = ex;
            }

            await Task.Delay(200, cancellationToken);
        }

        throw process.StartFailure($"no AMQP connection within {StartTimeout.TotalSeconds} s ({last?.Message})");
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,200}$")]
    private static partial Regex VhostName();
}
