using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Security;

namespace PartyPlatform.Dashboard.Tests.Api;

/// <summary>The live-update stream: each caller hears of its own units' changes only, merged, with retry and keep-alive.</summary>
public sealed class FigureStreamTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_county_hears_of_a_fact_in_its_county_and_never_of_another_countys()
    {
        await using var app = await DashboardApp.StartAsync();
        using var client = app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.CountyCode);
        using var stream = await OpenAsync(client);

        Assert.Equal("retry: 3000", await stream.ReadLineAsync(Ct));
        // The other county's fact first: had it been told, its event would come before ours.
        await app.PublishAsync(Venue(app.Tree.Id(DashboardTree.OtherVillageCode)), Guid.NewGuid(), Ct);
        await app.PublishAsync(Venue(app.Tree.Id(DashboardTree.VillageCode)), Guid.NewGuid(), Ct);
        var change = await NextEventAsync(stream);

        Assert.Equal(["venues"], change.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        // The village and the units above it up to the caller's county; not the city, nor anything of county B.
        var units = change.GetProperty("unitIds").EnumerateArray().Select(u => u.GetGuid()).Order();
        Assert.Equal(new[] { DashboardTree.VillageCode, DashboardTree.TownshipCode, DashboardTree.CountyCode }.Select(app.Tree.Id).Order(), units);
        Assert.Equal(JsonValueKind.String, change.GetProperty("at").ValueKind);
    }

    [Fact]
    public async Task A_change_of_the_venue_campaigns_terms_reaches_every_stream_and_the_next_overview_counts_down_to_the_new_deadline()
    {
        await using var app = await DashboardApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.CountyCode);
        // Asked once before: the answer kept for the county must give way to the new terms.
        Assert.Equal(JsonValueKind.Null, (await CountdownAsync(county)).ValueKind);
        var clients = new[]
        {
            app.CreateClient(), county, app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.OtherCountyCode),
            app.CreateClientAs(PlatformRoles.TownshipOperator, DashboardTree.TownshipCode),
        };
        var streams = new List<StreamReader>();
        foreach (var client in clients)
        {
            streams.Add(await OpenAsync(client));
            Assert.Equal("retry: 3000", await streams[^1].ReadLineAsync(Ct));
        }

        await app.PublishAsync(
            new VenueCampaignChanged(1, new DateOnly(2030, 6, 30), "Asia/Shanghai", new DateTimeOffset(2030, 7, 1, 0, 0, 0, TimeSpan.FromHours(8)), 20_000m, [],
                DateTimeOffset.UtcNow),
            Guid.NewGuid(), Ct);

        // City-wide, so no unit of its own: every caller, whatever its scope, is told that something changed in all its units.
        foreach (var stream in streams)
        {
            var change = await NextEventAsync(stream);
            Assert.Equal(["venues"], change.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
            Assert.Empty(change.GetProperty("unitIds").EnumerateArray());
            stream.Dispose();
        }

        // What the page fetches on that event: the commit came before it, so the new deadline, not the kept answer.
        Assert.Equal("2030-06-30", (await CountdownAsync(county)).GetProperty("deadline").GetString());
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task An_idle_stream_sends_keep_alive_comments()
    {
        await using var app = await DashboardApp.StartAsync(settings: [new("Dashboard:Stream:KeepAlive", "00:00:01")]);
        using var client = app.CreateClient();
        using var stream = await OpenAsync(client);

        Assert.Equal("retry: 3000", await stream.ReadLineAsync(Ct));
        Assert.Equal("", await stream.ReadLineAsync(Ct));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Timeout);
        Assert.Equal(": keep-alive", await stream.ReadLineAsync(timeout.Token));
    }

    [Fact]
    public async Task A_caller_without_a_token_is_refused()
    {
        await using var app = await DashboardApp.StartAsync();

        var response = await app.CreateAnonymousClient().GetAsync("/api/dashboard/stream/figures", HttpCompletionOption.ResponseHeadersRead, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<JsonElement> CountdownAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/dashboard/overview", Ct)).GetProperty("venues").GetProperty("countdown");

    private static VenueChanged Venue(Guid village) =>
        new(Guid.NewGuid(), 1, village, VenueKind.Renovation, VenueState.Planned, new DateOnly(2026, 3, 1), 120m, null, null, DateTimeOffset.UtcNow);

    private static async Task<StreamReader> OpenAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/dashboard/stream/figures");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
    }

    /// <summary>The data of the next <c>figures</c> event, skipping keep-alive comments.</summary>
    private static async Task<JsonElement> NextEventAsync(StreamReader stream)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Timeout);
        string? name = null;
        while (await stream.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name == "figures")
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
            }
        }

        throw new EndOfStreamException("The stream ended before an event.");
    }
}
