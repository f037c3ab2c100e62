using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PartyPlatform.TestInfrastructure;
using static Microsoft.Playwright.Assertions;

namespace PartyPlatform.EndToEnd.Tests;

/// <summary>
/// The leaders' web page in a real headless Chromium (Debian's <c>chromium</c>, driven by Playwright; <c>CHROMIUM_PATH</c>
/// names another), through the gateway: a county operator signs in through Identity's form, sees the figures the test put
/// into the services, drills down to a township and a village, sees a change arrive without a reload, and never sees
/// another county. Screenshots go to <c>artifacts/browser/</c>.
/// </summary>
[Collection(CampaignTerms.Collection)]
public sealed class DashboardPageTests(PlatformFixture platform) : IAsyncLifetime
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    private static readonly string Screenshots = Path.Combine(RepositoryRoot.Path, "artifacts", "browser");

    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

    private IPlaywright? playwright;
    private IBrowser? browser;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient City => platform.CityAdmin;

    public async ValueTask InitializeAsync()
    {
        // An assertion waits up to 15 s (Playwright's default is 5): on CI every test project shares the two cores.
        SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
        });
        Directory.CreateDirectory(Screenshots);
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    [Fact]
    public async Task A_county_operator_signs_in_sees_the_countys_figures_drills_down_to_a_village_and_sees_a_change_arrive()
    {
        var tree = new TestTree();
        var (county, township, villages) = await ImportAsync(tree);
        await RecordBaselineAsync((villages[0], true), (villages[1], false), (await IdAsync(OtherVillage(tree)), true));
        await BeginVillageSecretaryAsync(tree, villages[0], "测试村书记");
        await Eventually.TrueAsync(async () => await CoverageOnDashboardAsync(county) == 50m, EventTimeout);
        var (userName, password) = await CountyOperatorAsync(tree);

        await using var context = await browser!.NewContextAsync(new()
        {
            BaseURL = platform.Gateway.BaseAddress!.ToString(), Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 768 },
        });
        var journal = new BrowserJournal(context);
        await journal.RunAsync(async () =>
        {
            var page = await context.NewPageAsync();

            // Signed out, the page goes to Identity's form, and back once signed in. Each step waits for what the person would
            // see (an address, an element), not for the browser's load events: those are not what the page promises.
            await page.GotoAsync("/dashboard/", new() { WaitUntil = WaitUntilState.Commit });
            await page.Locator("#username").FillAsync(userName);
            await page.Locator("#password").FillAsync(password);
            await page.Locator("button[type=submit]").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/dashboard/?$"), new() { Timeout = 30_000 });
            Assert.Empty(await context.StorageStateAsync() is var state && state.Contains("access_token", StringComparison.Ordinal) ? ["token in storage"] : Array.Empty<string>());

            await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(new Regex("^测试县"));
            await Expect(page.GetByTestId("figure-coverage-value")).ToHaveAttributeAsync("data-value", new Regex(@"^50(\.0+)?$"));
            await Expect(page.GetByTestId("child-row")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("child-row")).ToHaveTextAsync(new Regex("^测试镇"));
            await Expect(page.GetByTestId("user-name")).ToContainTextAsync("测试县操作员");
            await AbsentAsync(page);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "county-1366x768.png"), FullPage = true });

            await page.GetByTestId("child-row").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/dashboard/units/{township}$"));
            await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(new Regex("^测试镇"));
            await Expect(page.GetByTestId("child-row")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("live-indicator")).ToHaveAttributeAsync("data-state", "connected");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "township-1366x768.png"), FullPage = true });

            // A change arrives through the stream: the township's last village gets its venue, and the page shows 100 % in place.
            await page.EvaluateAsync("() => { window.__sameDocument = true; }");
            await AcceptVenueAsync(villages[1]);
            await Expect(page.GetByTestId("figure-coverage-value")).ToHaveAttributeAsync("data-value", new Regex(@"^100(\.0+)?$"), new() { Timeout = 30_000 });
            Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded to show the change");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "township-after-change-1366x768.png"), FullPage = true });

            await page.Locator($"[data-testid=child-row][data-unit-code='{tree.Village(1)}']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/dashboard/villages/{villages[0]}$"));
            await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(new Regex("^测试1村"));
            // The village's venue from the baseline (摸底): no project, but a usable venue.
            await Expect(page.GetByTestId("village-venue")).ToContainTextAsync(new Regex(@"已有可用场所\s*是"));
            // The Dashboard names nobody: the page reads the secretary's name from Personnel, in the operator's scope.
            await Expect(page.GetByTestId("village-leaders-table")).ToContainTextAsync("村党组织书记");
            await Expect(page.GetByTestId("village-leaders-table")).ToContainTextAsync("测试村书记");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "village-1366x768.png"), FullPage = true });

            // The big screen, at 1920×1080, in the same session.
            var screen = await context.NewPageAsync();
            await screen.SetViewportSizeAsync(1920, 1080);
            await screen.GotoAsync("/dashboard/screen", new() { WaitUntil = WaitUntilState.Commit });
            await Expect(screen.GetByTestId("unit-name")).ToHaveTextAsync(new Regex("^测试县"));
            await Expect(screen.GetByTestId("figure-coverage-value")).ToHaveAttributeAsync("data-value", new Regex(@"^100(\.0+)?$"));
            await AbsentAsync(screen);
            await screen.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "screen-1920x1080.png") });

            // The same person's API calls carry their scope: another county's unit is not found.
            var refused = await page.EvaluateAsync<int>(
                $"async () => (await fetch('/api/dashboard/overview?unitId={await IdAsync(OtherCounty(tree))}', {{ headers: {{ 'X-CSRF': '1' }} }})).status");
            Assert.Equal((int)HttpStatusCode.NotFound, refused);
        });
    }

    /// <summary>Nothing of the other county anywhere on the page.</summary>
    private static async Task AbsentAsync(IPage page)
    {
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("测试二县", text);
        Assert.DoesNotContain("测试二镇", text);
    }

    private static string OtherCounty(TestTree tree) => $"{tree.Prefix}02000000";

    private static string OtherTownship(TestTree tree) => $"{tree.Prefix}02001000";

    private static string OtherVillage(TestTree tree) => $"{tree.Prefix}02001201";

    /// <summary>The test's city: its county (a township of two villages) and another county beside it.</summary>
    private async Task<(Guid County, Guid Township, Guid[] Villages)> ImportAsync(TestTree tree)
    {
        object[] rows =
        [
            .. tree.Rows(villages: 2),
            new { code = OtherCounty(tree), name = "测试二县", kind = "County", parentCode = tree.City },
            new { code = OtherTownship(tree), name = "测试二镇", kind = "Township", parentCode = OtherCounty(tree) },
            new { code = OtherVillage(tree), name = "测试二镇一村", kind = "Village", parentCode = OtherTownship(tree), partyOrganization = "测试二镇一村党支部" },
        ];
        (await City.PostAsJsonAsync("/api/organizations/imports/units", rows, Ct)).EnsureSuccessStatusCode();
        var (county, township) = (await IdAsync(tree.County), await IdAsync(tree.Township));
        Guid[] villages = [await IdAsync(tree.Village(1)), await IdAsync(tree.Village(2))];
        await Eventually.TrueAsync(
            async () => await City.GetAsync($"/api/venues/coverage/{township}", Ct) is { IsSuccessStatusCode: true } response
                        && (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("villages").GetInt32() == 2,
            EventTimeout);
        return (county, township, villages);
    }

    private async Task<Guid> IdAsync(string code) =>
        (await City.GetFromJsonAsync<JsonElement>($"/api/organizations/unit-codes/{code}", Ct)).GetProperty("id").GetGuid();

    private async Task RecordBaselineAsync(params (Guid Village, bool HasUsableVenue)[] villages)
    {
        var response = await City.PutAsJsonAsync("/api/venues/baseline/villages",
            new { villages = villages.Select(v => new { villageId = v.Village, hasUsableVenue = v.HasUsableVenue }) }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task AcceptVenueAsync(Guid village)
    {
        var planned = await City.PostAsJsonAsync("/api/venues/venues", new
        {
            villageId = village, kind = "NewBuild", floorArea = 300m, functions = new[] { "PartyActivity" }, rooms = new[] { "CultureRoom" }, plannedOn = Yesterday,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var venue = (await planned.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        foreach (var state in new[] { "UnderConstruction", "Completed", "Accepted" })
        {
            var moved = await City.PostAsJsonAsync($"/api/venues/venues/{venue}/state", new { state, on = Yesterday }, Ct);
            Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync(Ct));
        }
    }

    /// <summary>A person registered on the village and its secretary since yesterday, until the Dashboard's village page lists them.</summary>
    private async Task BeginVillageSecretaryAsync(TestTree tree, Guid village, string name)
    {
        var idNumber = CitizenIdNumbers.Of(tree.County[..6]);
        var registered = await City.PostAsJsonAsync("/api/personnel/people", new
        {
            unitId = village, name, gender = "Female", birthDate = $"{idNumber[6..10]}-{idNumber[10..12]}-{idNumber[12..14]}", ethnicity = "汉族",
            education = "JuniorCollege", source = "ReturnedMigrantWorker", idNumber,
        }, Ct);
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync(Ct));
        var person = (await registered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var term = await City.PostAsJsonAsync("/api/personnel/posts", new { personId = person, unitId = village, kind = "VillageSecretary", start = Yesterday }, Ct);
        Assert.True(term.IsSuccessStatusCode, await term.Content.ReadAsStringAsync(Ct));
        await Eventually.TrueAsync(async () => (await City.GetFromJsonAsync<JsonElement>($"/api/dashboard/villages/{village}", Ct))
            .GetProperty("leaders").GetProperty("posts").EnumerateArray().Any(p => p.GetProperty("personId").GetGuid() == person), EventTimeout);
    }

    private async Task<decimal?> CoverageOnDashboardAsync(Guid county) =>
        (await City.GetFromJsonAsync<JsonElement>("/api/dashboard/venues/coverage?level=County&pageSize=100", Ct)).GetProperty("items").EnumerateArray()
        .Where(u => u.GetProperty("unitId").GetGuid() == county).Select(u => (decimal?)u.GetProperty("coveragePercent").GetDecimal()).FirstOrDefault();

    /// <summary>A person of the test's county, made by the city administrator; the generated password is shown this once.</summary>
    private async Task<(string UserName, string Password)> CountyOperatorAsync(TestTree tree)
    {
        var userName = $"page-operator-{tree.Prefix}";
        var created = await City.PostAsJsonAsync("/api/identity/users",
            new { userName, displayName = "测试县操作员", unitCode = tree.County, roles = new[] { "CountyOperator" } }, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        return (userName, (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("password").GetString()!);
    }
}
