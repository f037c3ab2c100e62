using System.Net;
using System.Text.RegularExpressions;
using PartyPlatform.Dashboard.Tests.Api;

namespace PartyPlatform.Dashboard.Tests.Page;

/// <summary>The leaders' page as the Dashboard serves it: built by the ordinary build into wwwroot/.</summary>
public sealed partial class PageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_page_path_answers_the_page_to_anyone_and_never_stale()
    {
        await using var app = await DashboardApp.StartAsync();
        var anonymous = app.CreateAnonymousClient();

        foreach (var path in new[] { "/dashboard", "/dashboard/", "/dashboard/some/route", $"/dashboard/units/{Guid.NewGuid()}" })
        {
            using var response = await anonymous.GetAsync(path, Ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<div id=\"app\"></div>", await response.Content.ReadAsStringAsync(Ct));
            Assert.True(response.Headers.CacheControl?.NoCache, path);
        }
    }

    [Fact]
    public async Task The_bundled_assets_are_cached_for_good_and_a_missing_one_is_not_the_page()
    {
        await using var app = await DashboardApp.StartAsync();
        var anonymous = app.CreateAnonymousClient();
        var script = ScriptPath().Match(await anonymous.GetStringAsync("/dashboard/", Ct)).Value;

        using var asset = await anonymous.GetAsync(script, Ct);
        using var missing = await anonymous.GetAsync("/dashboard/assets/missing-0000.js", Ct);

        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), asset.Headers.CacheControl?.MaxAge);
        Assert.True(asset.Headers.CacheControl?.Public);
        // No file and no page: refused like any path the service does not know (401 to the anonymous).
        Assert.NotEqual(HttpStatusCode.OK, missing.StatusCode);
        Assert.NotEqual("text/html", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_api_path_is_not_the_page()
    {
        await using var app = await DashboardApp.StartAsync();

        using var signedIn = await app.CreateClient().GetAsync("/api/dashboard/unknown", Ct);
        using var anonymous = await app.CreateAnonymousClient().GetAsync("/api/dashboard/unknown", Ct);
        // The same caller reads a page of the API that exists.
        using var known = await app.CreateClient().GetAsync("/api/dashboard/tree/counties", Ct);

        Assert.Equal(HttpStatusCode.NotFound, signedIn.StatusCode);
        Assert.NotEqual("text/html", signedIn.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
    }

    [GeneratedRegex(@"/dashboard/assets/[^""]+\.js")]
    private static partial Regex ScriptPath();
}
