using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using PartyPlatform.TestInfrastructure;
using static PartyPlatform.Gateway.Tests.GatewayCalls;

namespace PartyPlatform.Gateway.Tests;

/// <summary>
/// A service that is down (a closed port, as a crashed process leaves) is refused at once with a 503
/// ProblemDetails naming it, never after a long wait; the gateway's health names it as Degraded while
/// its liveness stays liveness; a service that comes back is routed to again.
/// </summary>
public sealed class UnavailableServiceTests
{
    [Fact]
    public async Task A_request_to_a_service_that_is_down_answers_503_naming_it_at_once()
    {
        await using var healthy = await Upstream.StartAsync();
        await using var gateway = new GatewayApp(Addresses(healthy, ("dashboard", DeadAddress())));
        using var caller = gateway.CreateCaller();
        caller.Timeout = TimeSpan.FromSeconds(40);
        // The gateway's first request pays for start-up; the service's own answers must not.
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync("/api/organizations/units", Ct)).StatusCode);

        // The first request finds the port closed; the next finds the service already known to be down.
        foreach (var attempt in new[] { "first", "second" })
        {
            var (response, elapsed) = await TimedGetAsync(caller, "/api/dashboard/tree/counties");

            var problem = await AssertProblemAsync(response, 503, "dashboard");
            Assert.Equal("Service unavailable", problem.GetProperty("title").GetString());
            Assert.True(elapsed < GatewayApp.RequestTimeout, $"{attempt} answer took {elapsed}");
        }

        // The other services are not affected.
        var other = await caller.GetAsync("/api/venues/coverage", Ct);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal("venues", (await other.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("service").GetString());
    }

    [Fact]
    public async Task The_gateway_health_names_a_service_that_is_down_as_degraded_and_alive_stays_liveness()
    {
        await using var healthy = await Upstream.StartAsync();
        await using var gateway = new GatewayApp(Addresses(healthy, ("venues", DeadAddress())));
        using var client = gateway.CreateClient();

        // Found by the gateway's own probes: nobody needs to call the dead service first.
        var health = await HealthBecomesAsync(client, "Degraded");

        // Degraded, not Unhealthy: the gateway still serves every other service, and orchestrators see it up.
        Assert.Equal(200, health.HttpStatus);
        Assert.Equal("Degraded", health.Checks["venues"]);
        Assert.Contains("'venues'", health.Report.GetProperty("checks").GetProperty("venues").GetProperty("description").GetString());
        Assert.All(GatewayApp.RoutedServices.Except(["venues"]), service => Assert.Equal("Healthy", health.Checks[service]));

        var alive = await HealthAsync(client, "/alive");
        Assert.Equal(200, alive.HttpStatus);
        Assert.Equal("Healthy", alive.Status);
        Assert.Empty(alive.Checks.Keys.Intersect(GatewayApp.RoutedServices));
    }

    [Fact]
    public async Task A_service_that_comes_back_is_routed_to_again_and_health_turns_healthy()
    {
        await using var healthy = await Upstream.StartAsync();
        var port = Upstream.ClosedPort();
        await using var gateway = new GatewayApp(Addresses(healthy, ("organizations", $"http://127.0.0.1:{port}")));
        using var caller = gateway.CreateCaller();
        await AssertProblemAsync(await caller.GetAsync("/api/organizations/units", Ct), 503, "organizations");
        Assert.Equal("Degraded", (await HealthBecomesAsync(caller, "Degraded")).Checks["organizations"]);

        await using var restarted = await Upstream.StartAsync(port);

        var health = await HealthBecomesAsync(caller, "Healthy");
        Assert.All(GatewayApp.RoutedServices, service => Assert.Equal("Healthy", health.Checks[service]));
        var response = await caller.GetAsync("/api/organizations/units", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/api/organizations/units", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("path").GetString());
    }
}
