using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.EndToEnd.Tests;

/// <summary>Stops a shared service: runs after every parallel test, and alone.</summary>
[CollectionDefinition(nameof(ServiceOutage), DisableParallelization = true)]
public sealed class ServiceOutage;

/// <summary>
/// A service stopped through the AppHost (Aspire's own stop command, as its dashboard does): the gateway
/// answers for it with a quick 503 ProblemDetails instead of a hang, its /health names it as Degraded while
/// Aspire still counts the gateway as up, and when the service is started again it is routed to again
/// and the gateway is Healthy.
/// </summary>
[Collection(nameof(ServiceOutage))]
public sealed class ServiceOutageTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string Service = "dashboard";
    private const string ServicePath = "/api/dashboard/tree/counties";

    // What a county system might allow; the issue saw a request with this timeout get no answer at all.
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(40);

    // Probes every 5 s, down after two failures, each probe waiting at most 3 s (gateway/appsettings.json).
    private static readonly TimeSpan Detection = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Restart = TimeSpan.FromMinutes(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stopped_service_answers_503_at_once_and_the_gateway_is_degraded_until_it_is_started_again()
    {
        using var caller = platform.ClientFor("city-admin-system", "dev-secret-city-admin");
        caller.Timeout = ClientTimeout;
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync(ServicePath, Ct)).StatusCode);
        Assert.Equal("Healthy", (await HealthAsync()).GetProperty("status").GetString());

        await RunAsync(KnownResourceCommands.StopCommand);
        await platform.App.ResourceNotifications.WaitForResourceAsync(Service, KnownResourceStates.TerminalStates, Ct);

        // Right after the stop, before any probe noticed: an answer naming the service, never a hang. The service
        // binds its own port (no DCP proxy in front, as in run mode), so the gateway finds it closed: a 503.
        var (first, firstElapsed) = await TimedGetAsync(caller);
        Assert.True(firstElapsed < TimeSpan.FromSeconds(20), $"the first request after the stop took {firstElapsed}");
        await AssertNamesServiceAsync(first, HttpStatusCode.ServiceUnavailable);

        // The gateway's probes find it down: Degraded under its name, still 200, the other services Healthy.
        var degraded = await Eventually.ValueAsync(async () =>
            await HealthAsync() is var report && report.GetProperty("status").GetString() == "Degraded" ? (JsonElement?)report : null, Detection);
        var checks = degraded.GetProperty("checks");
        Assert.Equal("Degraded", checks.GetProperty(Service).GetProperty("status").GetString());
        Assert.Contains($"'{Service}'", checks.GetProperty(Service).GetProperty("description").GetString());
        foreach (var other in new[] { "identity", "organizations", "venues" })
        {
            Assert.Equal("Healthy", checks.GetProperty(other).GetProperty("status").GetString());
        }
        Assert.True(platform.App.ResourceNotifications.TryGetCurrentState("gateway", out var gateway));
        Assert.Equal(HealthStatus.Healthy, gateway.Snapshot.HealthStatus);

        // Known to be down: refused at once, well within the client's patience.
        var (known, knownElapsed) = await TimedGetAsync(caller);
        await AssertNamesServiceAsync(known, HttpStatusCode.ServiceUnavailable);
        Assert.True(knownElapsed < TimeSpan.FromSeconds(2), $"a request to a service known to be down took {knownElapsed}");

        await RunAsync(KnownResourceCommands.StartCommand);
        using (var restart = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            restart.CancelAfter(Restart);
            await platform.WaitHealthyAsync(Service, restart.Token);
        }

        var healthy = await Eventually.ValueAsync(async () =>
            await HealthAsync() is var report && report.GetProperty("status").GetString() == "Healthy" ? (JsonElement?)report : null, Detection);
        Assert.Equal("Healthy", healthy.GetProperty("checks").GetProperty(Service).GetProperty("status").GetString());
        var back = await caller.GetAsync(ServicePath, Ct);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await back.Content.ReadFromJsonAsync<JsonElement>(Ct)).ValueKind);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>Started again and routed to even when the test failed half-way, so that nothing after it inherits the outage.</summary>
    public async ValueTask DisposeAsync() => await platform.RestoreAsync(TimeSpan.FromMinutes(3));

    private async Task RunAsync(string command)
    {
        var result = await platform.App.ResourceCommands.ExecuteCommandAsync(Service, command, Ct);
        Assert.True(result.Success, $"{command}: {result.Message}");
    }

    private async Task<JsonElement> HealthAsync()
    {
        var response = await platform.Gateway.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> TimedGetAsync(HttpClient caller)
    {
        var watch = Stopwatch.StartNew();
        var response = await caller.GetAsync(ServicePath, Ct);
        return (response, watch.Elapsed);
    }

    private static async Task AssertNamesServiceAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        Assert.Equal(Service, problem.GetProperty("service").GetString());
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Correlation-Id")), problem.GetProperty("correlationId").GetString());
    }
}
