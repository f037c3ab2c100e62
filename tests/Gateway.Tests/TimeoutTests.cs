using System.Net;
using System.Text;
using static PartyPlatform.Gateway.Tests.GatewayCalls;

namespace PartyPlatform.Gateway.Tests;

/// <summary>
/// Each route has a request timeout (short by default): a service that is up but too slow answers 504
/// ProblemDetails when it runs out. Event streams and the routes configured as exempt (long uploads)
/// outlive it.
/// </summary>
public sealed class TimeoutTests
{
    [Fact]
    public async Task A_service_that_is_up_but_too_slow_answers_504_naming_it_when_the_route_timeout_runs_out()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var gateway = new GatewayApp(Addresses(upstream));
        using var caller = gateway.CreateCaller();
        caller.Timeout = TimeSpan.FromSeconds(40);

        var (response, elapsed) = await TimedGetAsync(caller, "/api/organizations/slow");

        var problem = await AssertProblemAsync(response, 504, "organizations");
        Assert.Equal("Service timed out", problem.GetProperty("title").GetString());
        Assert.InRange(elapsed, GatewayApp.RequestTimeout * 0.9, GatewayApp.RequestTimeout + TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_route_configured_as_exempt_outlives_the_short_timeout_and_others_do_not()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var gateway = new GatewayApp(Addresses(upstream), new Dictionary<string, string?>
        {
            // As the survey ingest is listed: a pattern, exempt from the short timeout.
            ["Gateway:Routes:organizations-slow-import:Path"] = "/api/organizations/slow",
            ["Gateway:Routes:organizations-slow-import:Timeout"] = "Disabled",
        });
        using var caller = gateway.CreateCaller();
        var longer = (int)(GatewayApp.RequestTimeout * 2.5).TotalMilliseconds;

        var exempt = await caller.GetAsync($"/api/organizations/slow?ms={longer}", Ct);
        Assert.Equal(HttpStatusCode.OK, exempt.StatusCode);
        Assert.Equal("done", await exempt.Content.ReadAsStringAsync(Ct));

        await AssertProblemAsync(await caller.GetAsync($"/api/venues/slow?ms={longer}", Ct), 504, "venues");
    }

    [Theory]
    [InlineData("/api/dashboard/stream/counties")]   // the Dashboard page's stream, exempt by its route
    [InlineData("/api/organizations/events")]        // any text/event-stream answer, wherever it comes from
    public async Task An_event_stream_held_longer_than_the_short_timeout_delivers_every_event(string path)
    {
        await using var upstream = await Upstream.StartAsync();
        await using var gateway = new GatewayApp(Addresses(upstream));
        using var caller = gateway.CreateCaller();
        const int events = 12;
        var interval = GatewayApp.RequestTimeout / 4;
        var watch = System.Diagnostics.Stopwatch.StartNew();

        using var response = await caller.GetAsync($"{path}?events={events}&intervalMs={(int)interval.TotalMilliseconds}",
            HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var elapsed = watch.Elapsed;

        var expected = new StringBuilder();
        for (var i = 1; i <= events; i++)
        {
            expected.Append($"data: {i}\n\n");
        }
        Assert.Equal(expected.ToString(), body);
        Assert.True(elapsed > GatewayApp.RequestTimeout * 2, $"the stream lasted only {elapsed}");
    }
}
