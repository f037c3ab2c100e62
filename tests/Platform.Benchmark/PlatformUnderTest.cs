using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace PartyPlatform.Platform.Benchmark;

/// <summary>
/// The platform being measured: one already running (<c>--gateway URL</c>, and <c>--organizations URL</c>
/// for the direct calls, <c>--apphost-pid</c> for its processes' memory), or one this command starts
/// from the AppHost with Aspire's testing builder (throwaway data, PostgreSQL without fsync, the demo
/// city loaded) and stops at the end. That one runs as run mode does: each process on a port of its own
/// (free ones chosen here) with no DCP proxy in between.
/// </summary>
public sealed class PlatformUnderTest : IAsyncDisposable
{
    private static readonly string[] Resources = ["identity", "organizations", "venues", "dashboard", "personnel", "surveys", "assessments", "gateway"];

    private static readonly string[] Servers = ["postgres", "rabbitmq"];

    private readonly DistributedApplication? app;

    private PlatformUnderTest(Uri gateway, Uri? organizations, int? processRoot, string? surveysDatabase, DistributedApplication? app)
    {
        Gateway = gateway;
        Organizations = organizations;
        ProcessRoot = processRoot;
        SurveysDatabase = surveysDatabase;
        this.app = app;
    }

    public Uri Gateway { get; }

    /// <summary>Organizations' own address, past the gateway (null when not given).</summary>
    public Uri? Organizations { get; }

    /// <summary>The process whose descendants are the platform's processes (the AppHost, or this one).</summary>
    public int? ProcessRoot { get; }

    /// <summary>The connection string of Surveys' database (null for a running platform not given <c>--surveys-db</c>).</summary>
    public string? SurveysDatabase { get; }

    public string Description => app is null ? $"running platform at {Gateway}" : "platform started by this command (testing builder: throwaway data, fsync off)";

    public static async Task<PlatformUnderTest> OpenAsync(Options options)
    {
        if (options.Text("gateway") is { } gateway)
        {
            return new PlatformUnderTest(
                new Uri(gateway),
                options.Text("organizations") is { } organizations ? new Uri(organizations) : null,
                options.Text("apphost-pid") is { } pid ? int.Parse(pid) : PlatformProcesses.FindAppHost(),
                options.Text("surveys-db"),
                app: null);
        }

        Console.WriteLine("Starting the platform (AppHost through the testing builder)...");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            "Infrastructure:Ephemeral=true",
            "DemoData:Load=true",
            // The budget is the gateway's to enforce on callers; here it would only measure itself.
            $"Gateway:RateLimit:PermitsPerWindow={options.Int("permits-per-window", 1_000_000)}",
            "Identity:AccessTokenLifetime=00:30:00",
            // The AppHost's health checks fail by design until each resource is up; the figures are what matter here.
            "Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks=None",
            // Each resource's console, copied into this one: its warnings and errors only.
            "Logging:LogLevel:AppHost.Resources=Warning",
            // Run mode's topology, not the testing builder's proxies.
            "DcpPublisher:RandomizePorts=false",
            .. Resources.Concat(Servers).Select(name => $"Ports:{name}={FreePort()}"),
        ]);
        var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await app.StartAsync(timeout.Token);
        foreach (var resource in Resources)
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }

        return new PlatformUnderTest(app.GetEndpoint("gateway", "http"), app.GetEndpoint("organizations", "http"), Environment.ProcessId,
            await app.GetConnectionStringAsync("surveysdb", timeout.Token), app);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
