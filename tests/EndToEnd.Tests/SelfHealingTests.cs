using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.EndToEnd.Tests;

/// <summary>
/// Kills the shared platform's processes, so it runs when nothing else does (and leaves every
/// process healthy again, which each test waits for).
/// </summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class SelfHealingCollection
{
    public const string Collection = "self-healing";
}

/// <summary>
/// A process killed with SIGKILL (not asked to stop) comes back without anyone doing anything, and
/// the platform works again end to end: a write through the gateway reaches the Dashboard's copy,
/// over the broker. A stop someone asked for stays a stop.
/// </summary>
[Collection(SelfHealingCollection.Collection)]
public sealed class SelfHealingTests(PlatformFixture platform) : IAsyncLifetime
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan OutageProbeInterval = TimeSpan.FromMilliseconds(100);

    private const string LastWordBeforeCrash = "数据库崩溃前改名村";

    private ResourceNotificationService Resources => platform.App.ResourceNotifications;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_killed_service_is_restarted_and_catches_up_on_the_events_it_missed()
    {
        var village = await VillageSeenByDashboardAsync();

        await KillAndAwaitRestartAsync("dashboard", ServicePid("dashboard"));

        await RenameReachesDashboardAsync(village, "服务重启后改名村");
    }

    [Fact]
    public async Task A_killed_broker_is_restarted_and_the_services_reconnect()
    {
        var village = await VillageSeenByDashboardAsync();

        await KillAndAwaitRestartAsync("rabbitmq", BrokerPid());
        await AllServicesHealthyAsync();

        await RenameReachesDashboardAsync(village, "消息重启后改名村");
    }

    [Fact]
    public async Task A_killed_database_answers_503_until_it_is_restarted_and_the_services_reconnect()
    {
        var village = await VillageSeenByDashboardAsync();
        // Taken now: Identity cannot issue one while the database is down.
        var token = await platform.TokenAsync("city-admin-system", "dev-secret-city-admin", Cancellation);
        var before = Restarts(platform.CurrentState("postgres").Snapshot);
        // Answered right before the crash, so its commit is the newest: a server that answers before its WAL is written
        // (synchronous_commit off) forgets it when killed.
        var rename = await platform.CityAdmin.PutAsJsonAsync($"/api/organizations/units/{village}/name", new { name = LastWordBeforeCrash }, Cancellation);
        Assert.True(rename.IsSuccessStatusCode, $"{(int)rename.StatusCode} {await rename.Content.ReadAsStringAsync(Cancellation)}");

        // The backends too: one that outlived its postmaster for a moment would still answer.
        var postmaster = PostmasterPid();
        var backends = ChildrenOf(postmaster);
        Kill(postmaster);
        backends.ForEach(KillIfRunning);
        // Until the restarted server answers, every answer is a 503 ProblemDetails the client may retry: never a 500.
        // The restart is counted when it is issued, before the new server has recovered: probing goes on until a
        // read sent after that succeeds.
        var answers = new List<(HttpStatusCode Status, string? MediaType, string Body)>();
        using (var outage = CancellationTokenSource.CreateLinkedTokenSource(Cancellation))
        {
            outage.CancelAfter(RecoveryTimeout);
            var recovered = false;
            while (!recovered)
            {
                var restarted = Restarts(platform.CurrentState("postgres").Snapshot) > before;
                using var response = await ReadUnitAsync(village, token, outage.Token);
                answers.Add((response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(outage.Token)));
                recovered = restarted && response.StatusCode == HttpStatusCode.OK;
                // Paced, not synchronised: well under the gateway's per-client limit however long the outage lasts.
                await Task.Delay(OutageProbeInterval, outage.Token);
            }
        }

        var report = string.Join("\n", answers.Select(a => $"{(int)a.Status} {a.Body}"));
        Assert.True(answers.Any(a => a.Status == HttpStatusCode.ServiceUnavailable), report);
        Assert.All(answers, a => Assert.True(
            a.Status == HttpStatusCode.OK || (a.Status == HttpStatusCode.ServiceUnavailable && a.MediaType == "application/problem+json"), report));
        // Nothing acknowledged was lost: the rename is in Organizations' database (and, below, in the Dashboard's copy).
        Assert.Equal(LastWordBeforeCrash, JsonDocument.Parse(answers[^1].Body).RootElement.GetProperty("name").GetString());

        await AwaitRestartAsync("postgres", before);
        // Identity and Organizations reconnect by themselves: nobody restarts them.
        await Eventually.TrueAsync(async () =>
        {
            using var issued = await platform.RequestTokenAsync("city-admin-system", "dev-secret-city-admin", Cancellation);
            if (issued.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            var fresh = (await issued.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("access_token").GetString()!;
            using var read = await ReadUnitAsync(village, fresh, Cancellation);
            return read.StatusCode == HttpStatusCode.OK;
        }, RecoveryTimeout);
        await AllServicesHealthyAsync();
        // Read once Identity issues tokens again: the city administrator's client renews its token on the way.
        var kept = await Eventually.ValueAsync(() => DashboardCopyAsync(village, version: 2), RecoveryTimeout);
        Assert.Equal(LastWordBeforeCrash, kept.GetProperty("name").GetString());

        await RenameReachesDashboardAsync(village, "数据库重启后改名村", version: 3);
    }

    [Fact]
    public async Task A_stop_someone_asked_for_is_not_undone()
    {
        var result = await platform.App.ResourceCommands.ExecuteCommandAsync("venues", KnownResourceCommands.StopCommand, Cancellation);
        Assert.True(result.Success, result.Message);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        timeout.CancelAfter(RecoveryTimeout);
        // The supervisor has seen the exit and decided: its note is in the resource's log.
        var logs = platform.App.Services.GetRequiredService<ResourceLoggerService>();
        await foreach (var batch in logs.WatchAsync(platform.CurrentState("venues").ResourceId).WithCancellation(timeout.Token))
        {
            if (batch.Any(line => line.Content.Contains("stopped on purpose; not restarted", StringComparison.Ordinal)))
            {
                break;
            }
        }

        var stopped = platform.CurrentState("venues").Snapshot;
        // A process DCP stopped may be reported in DCP's own word, "Terminated", which Aspire passes through.
        string[] exited = [.. KnownResourceStates.TerminalStates, "Terminated"];
        Assert.True(exited.Contains(stopped.State?.Text), $"venues is {stopped.State?.Text}");
        Assert.Equal(0, Restarts(stopped));

        Assert.True((await platform.App.ResourceCommands.ExecuteCommandAsync("venues", KnownResourceCommands.StartCommand, Cancellation)).Success);
        await platform.WaitHealthyAsync("venues", timeout.Token);
    }

    /// <summary>Whatever a test did or failed to do, the next one finds every process up and routed to.</summary>
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await platform.RestoreAsync(RecoveryTimeout);

    /// <summary>SIGKILL, then wait until the supervisor has started the process again and it is healthy.</summary>
    private async Task KillAndAwaitRestartAsync(string resource, int pid)
    {
        var before = Restarts(platform.CurrentState(resource).Snapshot);
        Kill(pid);
        await AwaitRestartAsync(resource, before);
    }

    private static void Kill(int pid)
    {
        using var process = Process.GetProcessById(pid);
        process.Kill(); // SIGKILL on Linux: the process gets no chance to say goodbye.
    }

    private static void KillIfRunning(int pid)
    {
        try
        {
            Kill(pid);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // gone meanwhile
        }
    }

    private static List<int> ChildrenOf(int parent) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => ParentOf(pid) == parent)];

    private async Task AwaitRestartAsync(string resource, int restartsBefore)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        timeout.CancelAfter(RecoveryTimeout);
        await Resources.WaitForResourceAsync(resource, e => Restarts(e.Snapshot) > restartsBefore, timeout.Token);
        await platform.WaitHealthyAsync(resource, timeout.Token);
    }

    private Task<HttpResponseMessage> ReadUnitAsync(Guid unit, string token, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/organizations/units/{unit}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return platform.Gateway.SendAsync(request, cancellationToken);
    }

    private async Task AllServicesHealthyAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        timeout.CancelAfter(RecoveryTimeout);
        foreach (var service in PlatformFixture.Services)
        {
            await platform.WaitHealthyAsync(service, timeout.Token);
        }
    }

    /// <summary>A village of a fresh tree, once its copy has reached the Dashboard.</summary>
    private async Task<Guid> VillageSeenByDashboardAsync()
    {
        var tree = new TestTree();
        var import = await platform.CityAdmin.PostAsJsonAsync("/api/organizations/imports/units", tree.Rows(villages: 1), Cancellation);
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync(Cancellation));
        var village = (await platform.CityAdmin.GetFromJsonAsync<JsonElement>($"/api/organizations/unit-codes/{tree.Village(1)}", Cancellation))
            .GetProperty("id").GetGuid();
        await Eventually.ValueAsync(() => DashboardCopyAsync(village, version: 1), RecoveryTimeout);
        return village;
    }

    /// <summary>A rename through the gateway, made once the platform says it is healthy again, reaches the Dashboard's copy.</summary>
    private async Task RenameReachesDashboardAsync(Guid village, string name, int version = 2)
    {
        var rename = await platform.CityAdmin.PutAsJsonAsync($"/api/organizations/units/{village}/name", new { name }, Cancellation);
        Assert.True(rename.IsSuccessStatusCode, $"{(int)rename.StatusCode} {await rename.Content.ReadAsStringAsync(Cancellation)}");

        var copy = await Eventually.ValueAsync(() => DashboardCopyAsync(village, version), RecoveryTimeout);
        Assert.Equal(name, copy.GetProperty("name").GetString());
    }

    private async Task<JsonElement?> DashboardCopyAsync(Guid village, int version)
    {
        var response = await platform.CityAdmin.GetAsync($"/api/dashboard/tree/units/{village}", Cancellation);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var unit = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        return unit.GetProperty("version").GetInt32() == version ? unit : null;
    }

    private static int Restarts(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == "restarts")?.Value is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : 0;

    /// <summary>
    /// The service's own process. The pid the dashboard shows is the `dotnet run` that Aspire
    /// starts; the service is its child, and that is the process that crashes in real life.
    /// </summary>
    private int ServicePid(string resource)
    {
        var launcher = Convert.ToInt32(platform.CurrentState(resource).Snapshot.Properties.Single(p => p.Name == "executable.pid").Value, CultureInfo.InvariantCulture);
        // Not an MSBuild node that `dotnet run` may have left running.
        return ChildrenOf(launcher).Single(pid => !CommandLine(pid).Contains("MSBuild", StringComparison.Ordinal));
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return ""; // gone meanwhile
        }
    }

    /// <summary>The fourth field of /proc/pid/stat, after the command name in parentheses.</summary>
    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null; // gone meanwhile
        }
    }

    /// <summary>The postmaster, not the script that supervises it: its pid is the first line of postmaster.pid.</summary>
    private int PostmasterPid() =>
        int.Parse(File.ReadLines(Path.Combine(platform.EnvironmentOf("postgres", "PG_DATA_DIR"), "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    /// <summary>
    /// The node's Erlang VM (beam.smp), recognised as the server script does: the node's private
    /// HOME and RabbitMQ's boot on its command line. RabbitMQ's start scripts run short-lived
    /// helper VMs with the same HOME while the node boots.
    /// </summary>
    private int BrokerPid()
    {
        var home = $" -home {Path.Combine(platform.EnvironmentOf("rabbitmq", "RABBITMQ_DATA_DIR"), "home")} ";
        return Process.GetProcessesByName("beam.smp")
            .Select(p => p.Id)
            .Single(pid => CommandLine(pid) is var line
                && line.Contains(home, StringComparison.Ordinal)
                && line.Contains(" -s rabbit boot ", StringComparison.Ordinal));
    }
}
