using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.EndToEnd.Tests;

/// <summary>
/// A leader signs in to the web page as a browser does, through the gateway only: the gateway's sign-in
/// redirects to Identity's form at the public address, the form is posted, the code comes back to the
/// gateway's callback, and from then on the session cookie alone reaches the API, within the person's unit.
/// </summary>
public sealed partial class WebSignInThroughGatewayTests(PlatformFixture platform)
{
    private const string County = "610502000000";
    private const string OtherCounty = "610503000000";

    /// <summary>The demo county operator's unit and a neighbour, named as every other test of the demo codes names them.</summary>
    private const string Tree = """
        code,name,kind,parentCode,partyOrganization
        610500000000,渭南市,City,,
        610502000000,临渭区,District,610500000000,
        610503000000,华州区,District,610500000000,
        """;

    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_county_operator_signs_in_through_the_form_and_the_session_cookie_alone_reaches_their_county_only()
    {
        (await platform.CityAdmin.PostAsync("/api/organizations/imports/units", new StringContent(Tree, Encoding.UTF8, "text/csv"), Ct)).EnsureSuccessStatusCode();
        var county = await platform.CityAdmin.GetFromJsonAsync<JsonElement>($"/api/organizations/unit-codes/{County}", Ct);
        await Eventually.TrueAsync(async () =>
        {
            var all = await platform.CityAdmin.GetFromJsonAsync<JsonElement>("/api/dashboard/tree/counties", Ct);
            return all.EnumerateArray().Select(c => c.GetProperty("code").GetString()).Intersect([County, OtherCounty]).Count() == 2;
        }, EventTimeout);
        using var browser = Browser();

        // The gateway's sign-in sends the browser to Identity's form at the gateway's own (public) address, with PKCE.
        var login = await browser.GetAsync("/bff/login?returnUrl=/dashboard/", Ct);
        Assert.Equal(HttpStatusCode.Found, login.StatusCode);
        var authorize = login.Headers.Location!;
        Assert.Equal(new Uri(platform.Gateway.BaseAddress!, "/connect/authorize").GetLeftPart(UriPartial.Path), authorize.GetLeftPart(UriPartial.Path));
        var query = QueryOf(authorize);
        Assert.Equal("partyplatform-web", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(new Uri(platform.Gateway.BaseAddress!, "/signin-callback").ToString(), query["redirect_uri"]);
        Assert.Contains("offline_access", query["scope"].Split(' '));

        // The form, posted back with the demo county operator's password, answers with the code for the gateway's callback.
        var form = await browser.GetStringAsync(authorize, Ct);
        var fields = HiddenFields().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["username"] = "linwei-operator";
        fields["password"] = "Dev!Passw0rd";
        var signedIn = await browser.PostAsync(new Uri(authorize, "authorize"), new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        var callback = signedIn.Headers.Location!;
        Assert.Equal(new Uri(platform.Gateway.BaseAddress!, "/signin-callback").ToString(), callback.GetLeftPart(UriPartial.Path));

        // The callback sets the session cookie (HTTP-only, same site only) and returns to the page; no token reaches the browser.
        var returned = await browser.GetAsync(callback, Ct);
        Assert.Equal(HttpStatusCode.Found, returned.StatusCode);
        Assert.Equal("/dashboard/", returned.Headers.Location!.OriginalString);
        var sessionCookie = Assert.Single(returned.Headers.GetValues("Set-Cookie"), c => c.StartsWith("partyplatform-session=", StringComparison.Ordinal));
        Assert.Contains("httponly", sessionCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", sessionCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("access_token", await returned.Content.ReadAsStringAsync(Ct));

        // The platform's access tokens live 30 s here, less than the gateway renews them before they run out: every call
        // with the cookie refreshes, and the renewed tokens come back in the cookie.
        var userResponse = await browser.GetAsync("/bff/user", Ct);
        Assert.Equal(HttpStatusCode.OK, userResponse.StatusCode);
        Assert.Contains(userResponse.Headers.GetValues("Set-Cookie"), c => c.StartsWith("partyplatform-session=", StringComparison.Ordinal));
        var user = await userResponse.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("临渭区操作员（示例）", user.GetProperty("name").GetString());
        Assert.Equal("linwei-operator", user.GetProperty("userName").GetString());
        Assert.Equal(["CountyOperator"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(County, user.GetProperty("unitCode").GetString());
        Assert.Equal(county.GetProperty("id").GetGuid(), user.GetProperty("unitId").GetGuid());
        Assert.Equal("临渭区", user.GetProperty("unitName").GetString());

        // The cookie alone reads the Dashboard, scoped to the operator's county: the neighbour is not there.
        var counties = await browser.GetAsync("/api/dashboard/tree/counties", Ct);
        Assert.Equal(HttpStatusCode.OK, counties.StatusCode);
        var rows = await counties.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var row = Assert.Single(rows.EnumerateArray());
        Assert.Equal((County, "临渭区"), (row.GetProperty("code").GetString(), row.GetProperty("county").GetString()));

        // A write with the cookie needs X-CSRF: without it nothing is created, with it the service answers as usual.
        var township = $"610502{Random.Shared.Next(900, 1000)}000";
        var newTownship = new { name = $"会话测试镇{township[6..9]}", kind = "Township", code = township, parentId = county.GetProperty("id").GetGuid() };
        var forged = await browser.PostAsJsonAsync("/api/organizations/units", newTownship, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("X-CSRF", (await forged.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await platform.CityAdmin.GetAsync($"/api/organizations/unit-codes/{township}", Ct)).StatusCode);

        using var fromThePage = new HttpRequestMessage(HttpMethod.Post, "/api/organizations/units") { Content = JsonContent.Create(newTownship) };
        fromThePage.Headers.Add("X-CSRF", "1");
        var created = await browser.SendAsync(fromThePage, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stored = await platform.CityAdmin.GetFromJsonAsync<JsonElement>($"/api/organizations/unit-codes/{township}", Ct);
        Assert.Equal((newTownship.name, county.GetProperty("id").GetGuid()), (stored.GetProperty("name").GetString(), stored.GetProperty("parentId").GetGuid()));

        // Signing out ends the session: the user and the API answer 401 again.
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/bff/logout");
        logout.Headers.Add("X-CSRF", "1");
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(logout, Ct)).StatusCode);
        var afterwards = await browser.GetAsync("/bff/user", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
        Assert.Equal(401, (await afterwards.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/dashboard/tree/counties", Ct)).StatusCode);
    }

    /// <summary>A browser: keeps cookies, follows no redirect on its own (each step is checked).</summary>
    private HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = platform.Gateway.BaseAddress };

    private static Dictionary<string, string> QueryOf(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair.Length > 1 ? pair[1].Replace('+', ' ') : ""));

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenFields();
}
