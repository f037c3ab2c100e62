using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;
using static PartyPlatform.Gateway.Tests.GatewayCalls;

namespace PartyPlatform.Gateway.Tests;

/// <summary>
/// The web page's session at the gateway, where no Identity is needed: the return address of a sign-in,
/// the session cookie standing in for a bearer token on <c>/api/**</c>, the <c>X-CSRF</c> rule for writes,
/// <c>/bff/user</c> and <c>/bff/logout</c>, and the page's own route. The sign-in itself runs in EndToEnd.Tests.
/// </summary>
public sealed class WebSessionTests
{
    [Theory]
    [InlineData("https://evil.example/dashboard/")]
    [InlineData("//evil.example/dashboard/")]
    [InlineData("/\\evil.example/dashboard/")]
    [InlineData("dashboard/")]
    [InlineData("javascript:alert(1)")]
    public async Task A_sign_in_refuses_a_return_address_that_is_not_a_local_path(string returnUrl)
    {
        await using var site = await WebSite.StartAsync();
        var browser = site.Browser;

        var response = await browser.GetAsync($"/bff/login?returnUrl={Uri.EscapeDataString(returnUrl)}", Ct);

        await Problems.AssertRefusedAsync(response, "returnUrl");
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Without_a_session_the_user_endpoint_answers_401_ProblemDetails_never_a_redirect()
    {
        await using var site = await WebSite.StartAsync();
        var (gateway, browser) = (site.Gateway, site.Browser);
        var session = SessionCookies.For(gateway, SessionCookies.CountyOperatorToken(), TimeSpan.FromMinutes(5));

        var anonymous = await browser.GetAsync("/bff/user", Ct);
        var signedIn = await SendAsync(browser, HttpMethod.Get, "/bff/user", session);

        var problem = await AssertSessionProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Contains("/bff/login", problem.GetProperty("detail").GetString());
        Assert.Null(anonymous.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var user = await signedIn.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("临渭区操作员", user.GetProperty("name").GetString());
        Assert.Equal("linwei-operator", user.GetProperty("userName").GetString());
        Assert.Equal([PlatformRoles.CountyOperator], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(SessionCookies.CountyCode, user.GetProperty("unitCode").GetString());
        // The stand-in for Organizations knows no unit: id and name stay empty rather than wrong.
        Assert.Equal(JsonValueKind.Null, user.GetProperty("unitId").ValueKind);
    }

    [Fact]
    public async Task A_read_with_the_session_cookie_alone_goes_upstream_with_the_sessions_access_token_and_without_the_cookie()
    {
        await using var site = await WebSite.StartAsync();
        var (gateway, browser) = (site.Gateway, site.Browser);
        var token = SessionCookies.CountyOperatorToken();
        var session = SessionCookies.For(gateway, token, TimeSpan.FromMinutes(5));

        var withSession = await SendAsync(browser, HttpMethod.Get, "/api/dashboard/tree/counties", session);
        var withoutSession = await browser.GetAsync("/api/dashboard/tree/counties", Ct);

        Assert.Equal(HttpStatusCode.OK, withSession.StatusCode);
        var upstreamSaw = await withSession.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal($"Bearer {token}", upstreamSaw.GetProperty("authorization").GetString());
        // The session cookie itself stays at the gateway.
        Assert.Equal("", upstreamSaw.GetProperty("cookie").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, withoutSession.StatusCode);
    }

    [Fact]
    public async Task Server_sent_events_stream_with_the_session_cookie_alone()
    {
        await using var site = await WebSite.StartAsync();
        var (gateway, browser) = (site.Gateway, site.Browser);
        var session = SessionCookies.For(gateway, SessionCookies.CountyOperatorToken(), TimeSpan.FromMinutes(5));

        var stream = await SendAsync(browser, HttpMethod.Get, "/api/dashboard/stream/overview?events=2&intervalMs=10", session);

        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        Assert.Equal("data: 1\n\ndata: 2\n\n", await stream.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task A_write_with_the_session_cookie_needs_the_X_CSRF_header(string method)
    {
        await using var site = await WebSite.StartAsync();
        var (gateway, browser) = (site.Gateway, site.Browser);
        var token = SessionCookies.CountyOperatorToken();
        var session = SessionCookies.For(gateway, token, TimeSpan.FromMinutes(5));

        var withoutHeader = await SendAsync(browser, new HttpMethod(method), "/api/organizations/units", session);
        var wrongValue = await SendAsync(browser, new HttpMethod(method), "/api/organizations/units", session, csrf: "0");
        var withHeader = await SendAsync(browser, HttpMethod.Post, "/api/organizations/units", session, csrf: "1");

        var problem = await AssertSessionProblemAsync(withoutHeader, HttpStatusCode.Forbidden);
        Assert.Contains("X-CSRF: 1", problem.GetProperty("detail").GetString());
        await AssertSessionProblemAsync(wrongValue, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, withHeader.StatusCode);
        Assert.Equal($"Bearer {token}", (await withHeader.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("authorization").GetString());
    }

    [Fact]
    public async Task A_caller_with_its_own_bearer_token_is_left_alone_even_with_a_session_cookie()
    {
        await using var site = await WebSite.StartAsync();
        var (gateway, browser) = (site.Gateway, site.Browser);
        var session = SessionCookies.For(gateway, SessionCookies.CountyOperatorToken(), TimeSpan.FromMinutes(5));
        var own = TestTokens.For(PlatformRoles.CityOperator, TestTokens.CityCode, subject: "county-system");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/organizations/units");
        request.Headers.Add("Cookie", session);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", own);
        var response = await browser.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Bearer {own}", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("authorization").GetString());
    }

    [Fact]
    public async Task A_session_whose_token_ran_out_and_cannot_be_refreshed_answers_401_and_is_removed()
    {
        await using var site = await WebSite.StartAsync();
        var (gateway, browser) = (site.Gateway, site.Browser);
        var expired = SessionCookies.For(gateway, SessionCookies.CountyOperatorToken(TimeSpan.FromMinutes(-1)), TimeSpan.FromMinutes(-1));
        var current = SessionCookies.For(gateway, SessionCookies.CountyOperatorToken(), TimeSpan.FromMinutes(5));

        var api = await SendAsync(browser, HttpMethod.Get, "/api/dashboard/tree/counties", expired);
        var user = await SendAsync(browser, HttpMethod.Get, "/bff/user", expired);
        var stillSignedIn = await SendAsync(browser, HttpMethod.Get, "/api/dashboard/tree/counties", current);

        await AssertSessionProblemAsync(api, HttpStatusCode.Unauthorized);
        Assert.Contains(api.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith($"{SessionCookies.Name}=;", StringComparison.Ordinal));
        await AssertSessionProblemAsync(user, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }

    [Fact]
    public async Task Signing_out_needs_the_X_CSRF_header_and_then_removes_the_session_cookie()
    {
        await using var site = await WebSite.StartAsync();
        var (gateway, browser) = (site.Gateway, site.Browser);
        var session = SessionCookies.For(gateway, SessionCookies.CountyOperatorToken(), TimeSpan.FromMinutes(5));

        var forged = await SendAsync(browser, HttpMethod.Post, "/bff/logout", session);
        var signedOut = await SendAsync(browser, HttpMethod.Post, "/bff/logout", session, csrf: "1");

        await AssertSessionProblemAsync(forged, HttpStatusCode.Forbidden);
        Assert.False(forged.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        var removal = Assert.Single(signedOut.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith($"{SessionCookies.Name}=;", StringComparison.Ordinal));
        // The attributes the session cookie is written with: host-wide path, script cannot read it, same site only.
        Assert.Contains("expires=Thu, 01 Jan 1970", removal, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/;", removal + ";", StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", removal, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", removal, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_session_outlives_a_gateway_restart_with_the_same_key_directory_and_not_with_another()
    {
        await using var upstream = await Upstream.StartAsync();
        var keys = Directory.CreateTempSubdirectory("gateway-keys-").FullName;
        var otherKeys = Directory.CreateTempSubdirectory("gateway-keys-").FullName;
        try
        {
            string session;
            await using (var before = new GatewayApp(Addresses(upstream), new Dictionary<string, string?> { ["Gateway:Bff:KeysDirectory"] = keys }))
            {
                session = SessionCookies.For(before, SessionCookies.CountyOperatorToken(), TimeSpan.FromMinutes(5));
            }

            await using var restarted = new GatewayApp(Addresses(upstream), new Dictionary<string, string?> { ["Gateway:Bff:KeysDirectory"] = keys });
            await using var elsewhere = new GatewayApp(Addresses(upstream), new Dictionary<string, string?> { ["Gateway:Bff:KeysDirectory"] = otherKeys });
            using var afterRestart = WebSite.BrowserOf(restarted);
            using var withOtherKeys = WebSite.BrowserOf(elsewhere);

            Assert.Equal(HttpStatusCode.OK, (await SendAsync(afterRestart, HttpMethod.Get, "/bff/user", session)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(withOtherKeys, HttpMethod.Get, "/bff/user", session)).StatusCode);
        }
        finally
        {
            Directory.Delete(keys, recursive: true);
            Directory.Delete(otherKeys, recursive: true);
        }
    }

    [Fact]
    public async Task The_page_is_served_without_a_session_and_the_root_sends_a_browser_to_it()
    {
        await using var site = await WebSite.StartAsync();
        var browser = site.Browser;

        var page = await browser.GetAsync("/dashboard/assets/index.js", Ct);
        var root = await browser.GetAsync("/", Ct);
        var write = await browser.PostAsync("/dashboard/", null, Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/dashboard/assets/index.js", (await page.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("page").GetString());
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/dashboard/", root.Headers.Location?.OriginalString);
        // Only reads reach the page's files: anything else there is no route of the gateway's.
        Assert.NotEqual(HttpStatusCode.OK, write.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient browser, HttpMethod method, string path, string session, string? csrf = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", session);
        if (csrf is not null)
        {
            request.Headers.Add("X-CSRF", csrf);
        }
        if (method != HttpMethod.Get && method != HttpMethod.Delete)
        {
            request.Content = JsonContent.Create(new { name = "东镇" });
        }

        return await browser.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> AssertSessionProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Correlation-Id")), problem.GetProperty("correlationId").GetString());
        return problem;
    }
}
