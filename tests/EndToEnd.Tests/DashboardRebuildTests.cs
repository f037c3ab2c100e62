using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.EndToEnd.Tests;

/// <summary>Empties the Dashboard's read model: runs after every parallel test, and alone.</summary>
[CollectionDefinition(nameof(DashboardRebuild), DisableParallelization = true)]
public sealed class DashboardRebuild;

/// <summary>
/// The documented command (<c>scripts/rebuild-dashboard.sh</c>) rebuilds the Dashboard's read model from scratch on the
/// running platform, through the gateway and the sources' replays, and the figures come back the same.
/// </summary>
[Collection(nameof(DashboardRebuild))]
public sealed class DashboardRebuildTests(PlatformFixture platform)
{
    private static readonly string[] FigurePaths =
    [
        "/api/dashboard/tree/counties",
        "/api/dashboard/venues/coverage?level=County&pageSize=100",
        "/api/dashboard/venues/coverage?level=Township&pageSize=100",
        "/api/dashboard/venues/states",
        "/api/dashboard/venues/deadline-facts",
        "/api/dashboard/personnel/secretary-profiles?level=County&pageSize=100",
        "/api/dashboard/surveys/campaigns?pageSize=100",
        "/api/dashboard/surveys/figures",
        "/api/dashboard/assessments/grading",
        "/api/dashboard/assessments/ranking",
    ];

    private static readonly TimeSpan Refill = TimeSpan.FromMinutes(3);

    /// <summary>Longer than the watches' interval (1 min), so that each has run once within it.</summary>
    private static readonly TimeSpan QuietFor = TimeSpan.FromSeconds(65);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_rebuild_command_empties_the_read_model_and_the_sources_replays_give_back_the_same_figures()
    {
        // What the other tests left, once nothing moves any more: every fact they caused has left its outbox (a relay pauses
        // up to 30 s after an outage) and been applied, and every watch that moves figures with time (each runs once a minute:
        // Venues' deadline and schedule, Surveys' overdue problems, Assessments' scores and grading deadline) has run since.
        await MarkerOnDashboardAsync();
        var before = await Eventually.ValueAsync(async () =>
        {
            if (await platform.UnsentFactsAsync(Ct) > 0)
            {
                return null;
            }

            var first = await FiguresAsync();
            await Task.Delay(QuietFor, Ct);
            return first.SequenceEqual(await FiguresAsync()) && await platform.UnsentFactsAsync(Ct) == 0 ? first : null;
        }, TimeSpan.FromMinutes(6));

        var (exitCode, output) = await RepositoryRoot.RunScriptAsync(
            "rebuild-dashboard.sh", [], new Dictionary<string, string> { ["GATEWAY"] = platform.Gateway.BaseAddress!.ToString().TrimEnd('/') }, Ct);

        Assert.True(exitCode == 0, output);
        Assert.Contains("\"replaysAsked\":[", output);
        Assert.Contains("organizations-tree-replay", output);
        try
        {
            await Eventually.TrueAsync(async () => (await FiguresAsync()).SequenceEqual(before), Refill);
        }
        catch (TimeoutException)
        {
            // Shown below: the figures that did not come back.
        }

        var after = await FiguresAsync();
        if (!before.SequenceEqual(after))
        {
            Assert.Fail($"{Differences(before, after)}\n{await platform.BrokerStateAsync()}");
        }
    }

    /// <summary>
    /// A new county with one village, until both its Venues coverage and its Personnel profile are on the Dashboard. Each
    /// path's queue has then been consumed up to the marker, also by a consumer that was still reconnecting after another
    /// test killed the broker (a clean run once rebuilt a profile whose tree change had waited there past the quiet minute).
    /// </summary>
    private async Task MarkerOnDashboardAsync()
    {
        var tree = new TestTree();
        (await platform.CityAdmin.PostAsJsonAsync("/api/organizations/imports/units", tree.Rows(villages: 1), Ct)).EnsureSuccessStatusCode();
        var county = (await platform.CityAdmin.GetFromJsonAsync<JsonElement>($"/api/organizations/unit-codes/{tree.County}", Ct)).GetProperty("id").GetGuid();
        try
        {
            await Eventually.TrueAsync(async () => await MarkerFiguresAsync(county) == "venues 1, leaders 1", Refill);
        }
        catch (TimeoutException)
        {
            // Which path stopped, and where: the sources' own figures, and the broker's queues as the node sees them.
            throw new TimeoutException($"""
                The marker county {tree.County} did not reach the Dashboard within {Refill}.
                Dashboard overview: {await MarkerFiguresAsync(county)}
                Venues' own coverage: {await SourceAsync($"/api/venues/coverage/{county}")}
                Personnel's own profile: {await SourceAsync($"/api/personnel/village-secretary-profiles/{county}")}
                Unsent facts in the outboxes: {await platform.UnsentFactsAsync(Ct)}
                {await platform.BrokerStateAsync()}
                """);
        }
    }

    /// <summary>The villages the Dashboard's overview of the county counts for Venues and for Personnel.</summary>
    private async Task<string> MarkerFiguresAsync(Guid county)
    {
        using var response = await platform.CityAdmin.GetAsync($"/api/dashboard/overview?unitId={county}", Ct);
        if (!response.IsSuccessStatusCode)
        {
            return $"{(int)response.StatusCode}";
        }

        var overview = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return $"venues {overview.GetProperty("venues").GetProperty("villages")}, leaders {overview.GetProperty("leaders").GetProperty("villages")}";
    }

    private async Task<string> SourceAsync(string path)
    {
        using var response = await platform.CityAdmin.GetAsync(path, Ct);
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}";
    }

    /// <summary>For each figure that did not come back, its rows only before and only after the rebuild.</summary>
    private static string Differences(List<string> before, List<string> after) =>
        string.Join('\n', before.Zip(after).Where(pair => pair.First != pair.Second).Select(pair =>
        {
            var (was, now) = (Rows(pair.First), Rows(pair.Second));
            return $"{pair.First.Split(' ')[0]}\n  only before: {string.Join(", ", was.Except(now))}\n  only after: {string.Join(", ", now.Except(was))}"
                   + (was.ToHashSet().SetEquals(now) ? "\n  (the same rows in another order)" : "");
        }));

    /// <summary>A figure's rows: the elements of its JSON array (or of its <c>items</c>), else the whole answer.</summary>
    private static List<string> Rows(string figure)
    {
        var body = figure[(figure.IndexOf(' ', figure.IndexOf(' ') + 1) + 1)..];
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return [body];
        }

        var rows = node as JsonArray ?? (node as JsonObject)?["items"] as JsonArray;
        return rows is null ? [body] : [.. rows.Select(row => row?.ToJsonString() ?? "null")];
    }

    private async Task<List<string>> FiguresAsync()
    {
        var figures = new List<string>();
        foreach (var path in FigurePaths)
        {
            using var response = await platform.CityAdmin.GetAsync(path, Ct);
            figures.Add($"{path} {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        }

        return figures;
    }
}
