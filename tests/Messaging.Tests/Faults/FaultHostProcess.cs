using System.Diagnostics;
using System.Reflection;
using Npgsql;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Messaging.Tests.Faults;

/// <summary>
/// A tests/Messaging.FaultHost process (<c>dotnet Messaging.FaultHost.dll relay|consumer|batch-consumer</c>)
/// over a harness's database and broker: a real relay or consumer, with its own connections, that a
/// test kills with SIGKILL. Its stdout lines ("health &lt;status&gt;") are kept to wait on; its stderr
/// (logs) explains a failure.
/// </summary>
internal sealed class FaultHostProcess : IAsyncDisposable
{
    private const int MaxKeptLogLines = 200;
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private static readonly string HostDll = typeof(FaultHostProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "FaultHost").Value!;

    private readonly Process process;
    private readonly List<string> reports = [];
    private readonly RecentLines log = new(MaxKeptLogLines);

    private FaultHostProcess(Process process, string applicationName)
    {
        this.process = process;
        ApplicationName = applicationName;
    }

    /// <summary>The process's PostgreSQL application_name, to find its sessions in pg_stat_activity.</summary>
    public string ApplicationName { get; }

    /// <summary>How many health reports so far: pass it to <see cref="WaitForHealthAsync"/> to wait for a later one.</summary>
    public int Reported
    {
        get
        {
            lock (reports)
            {
                return reports.Count;
            }
        }
    }

    /// <param name="settings">Settings over the harness's, as environment variables (<c>Messaging__Outbox__BatchSize</c>).</param>
    public static FaultHostProcess Start(MessagingHarness harness, string[] roles, IReadOnlyDictionary<string, string>? settings = null)
    {
        var applicationName = $"fault-{string.Join('-', roles)}-{Guid.NewGuid():N}";
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { HostDll },
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var role in roles)
        {
            startInfo.ArgumentList.Add(role);
        }

        startInfo.Environment["FAULT_DATABASE"] = new NpgsqlConnectionStringBuilder(harness.Database) { ApplicationName = applicationName }.ConnectionString;
        startInfo.Environment["FAULT_BROKER"] = harness.Broker;
        startInfo.Environment["PARENT_PID"] = Environment.ProcessId.ToString();
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var host = new FaultHostProcess(process, applicationName);
        process.OutputDataReceived += (_, e) => host.Report(e.Data);
        process.ErrorDataReceived += (_, e) => host.log.Add(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>
    /// Waits until the latest report says healthy (or, with <paramref name="healthy"/> false, anything
    /// else) and is one of those after the first <paramref name="since"/>.
    /// </summary>
    public async Task WaitForHealthAsync(bool healthy, TimeSpan timeout, int since = 0)
    {
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(HasReported(healthy, since)), timeout);
        }
        catch (TimeoutException exception)
        {
            throw Failure($"reported no {(healthy ? "healthy" : "unhealthy")} state within {timeout}", exception);
        }
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the broker or the database.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await WaitForExitAsync();
    }

    /// <summary>SIGTERM: the host stops as a service does on a deploy, finishing what it holds.</summary>
    public async Task StopAsync()
    {
        if (!ProcessSignals.Terminate(process.Id))
        {
            throw Failure("could not be sent SIGTERM", null);
        }

        await WaitForExitAsync();
    }

    /// <summary>What it last logged (warnings and errors), for a failure message.</summary>
    public string RecentLog() => $"{ApplicationName} logged:{Environment.NewLine}{log}";

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await WaitForExitAsync();
        }

        process.Dispose();
    }

    private bool HasReported(bool healthy, int since)
    {
        if (process.HasExited)
        {
            throw Failure($"exited ({process.ExitCode})", null);
        }

        lock (reports)
        {
            return reports.Count > since && (reports[^1] == "health Healthy") == healthy;
        }
    }

    private async Task WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(ExitTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested)
        {
            throw Failure($"did not exit within {ExitTimeout}", exception);
        }
    }

    private InvalidOperationException Failure(string what, Exception? inner) =>
        new($"The fault host {what}. {RecentLog()}", inner);

    private void Report(string? line)
    {
        if (line is not null)
        {
            lock (reports)
            {
                reports.Add(line);
            }
        }
    }
}
