using System.Net;
using static PartyPlatform.Gateway.Tests.GatewayCalls;

namespace PartyPlatform.Gateway.Tests;

/// <summary>
/// Rate limits are per route: the read-heavy Dashboard routes have a budget of their own, large enough
/// for a big screen and a 50 requests/s benchmark, while every other route keeps the per-caller budget.
/// </summary>
public sealed class RouteRateLimitTests
{
    [Fact]
    public async Task Dashboard_reads_have_a_budget_of_their_own_and_other_routes_keep_theirs()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var gateway = new GatewayApp(Addresses(upstream), new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:PermitsPerWindow"] = "20",
            ["Gateway:RateLimit:Window"] = "00:05:00",
            ["Gateway:Routes:dashboard-reads:PermitsPerWindow"] = "60",
        });
        using var caller = gateway.CreateCaller();

        var dashboard = await SendAsync(caller, "/api/dashboard/venues/coverage", 70);
        var organizations = await SendAsync(caller, "/api/organizations/units", 25);

        Assert.Equal((60, 10), dashboard);
        Assert.Equal((20, 5), organizations);
    }

    [Fact]
    public async Task The_configured_dashboard_budget_lets_a_50_per_second_benchmark_through_a_whole_window()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var gateway = new GatewayApp(Addresses(upstream));
        using var caller = gateway.CreateCaller();

        // 50 requests/s over the whole 10-second window, sent as fast as the gateway takes them.
        var (passed, refused) = await SendAsync(caller, "/api/dashboard/venues/coverage", 500);

        Assert.Equal((500, 0), (passed, refused));
    }

    private static async Task<(int Passed, int Refused)> SendAsync(HttpClient caller, string path, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var sent = 0; sent < count; sent += 25)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(25, count - sent)).Select(_ => caller.GetAsync(path, Ct)));
            statuses.AddRange(batch.Select(response => response.StatusCode));
        }
        Assert.All(statuses, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, status.ToString()));
        return (statuses.Count(status => status == HttpStatusCode.OK), statuses.Count(status => status == HttpStatusCode.TooManyRequests));
    }
}
