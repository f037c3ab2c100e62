using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static PartyPlatform.Identity.Tests.Api.OAuth;

namespace PartyPlatform.Identity.Tests.Api;

public sealed class AuthorizationCodeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_person_signs_in_with_pkce_and_gets_a_jwt_with_their_roles_and_unit()
    {
        await using var app = await IdentityApp.StartWithDemoAccountsAsync();
        var browser = app.CreateBrowser();
        var (verifier, challenge) = NewPkce();

        var form = await browser.GetAsync(AuthorizeUrl(challenge), Ct);
        var html = await form.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("text/html", form.Content.Headers.ContentType?.MediaType);
        Assert.Contains("lang=\"zh-CN\"", html);
        Assert.Contains("登录", html);
        Assert.Equal(challenge, HiddenFields(html)["code_challenge"]);

        var signedIn = await SignInAsync(browser, challenge, "linwei-township-operator", "Dev!Passw0rd");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var location = signedIn.Headers.Location!;
        Assert.StartsWith(IdentityApp.RedirectUri, location.GetLeftPart(UriPartial.Path));
        var query = QueryOf(location);
        Assert.Equal("state-123", query["state"]);

        var tokens = await RedeemCodeAsync(browser, query["code"], verifier);
        var access = await AccessTokenAsync(tokens);
        var body = await tokens.Content.ReadFromJsonAsync<JsonElement>(Ct);

        var (_, payload) = DecodeJwt(access);
        var personId = await app.QueryScalarAsync<Guid>("SELECT id FROM people WHERE user_name = $1", "linwei-township-operator");
        Assert.Equal([personId.ToString()], Values(payload, "sub"));
        // The web page's client rides along: services record the person (sub) as the actor and this as the client.
        Assert.Equal(["partyplatform-web"], Values(payload, "client_id"));
        Assert.Equal(["TownshipOperator"], Values(payload, "role"));
        Assert.Equal(["610502001000"], Values(payload, "unit_code"));
        Assert.Equal(["临渭区示例镇操作员（示例）"], Values(payload, "name"));
        Assert.Equal(["partyplatform"], Values(payload, "aud"));
        Assert.Equal(300, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
        Assert.True(body.TryGetProperty("id_token", out _));

        // The refresh token gives a new access token while the person is enabled, and none once disabled.
        var refreshToken = body.GetProperty("refresh_token").GetString()!;
        var refreshed = await RefreshAsync(browser, refreshToken);
        var newRefreshToken = (await refreshed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("refresh_token").GetString()!;
        Assert.Equal(["TownshipOperator"], Values(DecodeJwt(await AccessTokenAsync(refreshed)).Payload, "role"));

        await browser.PostAsync("/api/identity/users/linwei-township-operator/disable", null, Ct);
        Assert.Equal("invalid_grant", await ErrorAsync(await RefreshAsync(browser, newRefreshToken)));
    }

    [Fact]
    public async Task A_refresh_token_the_web_page_revokes_at_sign_out_renews_nothing_any_more()
    {
        await using var app = await IdentityApp.StartWithDemoAccountsAsync();
        var browser = app.CreateBrowser();
        var (verifier, challenge) = NewPkce();
        var signedIn = await SignInAsync(browser, challenge, "linwei-operator", "Dev!Passw0rd");
        var tokens = await (await RedeemCodeAsync(browser, QueryOf(signedIn.Headers.Location!)["code"], verifier)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var refreshToken = tokens.GetProperty("refresh_token").GetString()!;

        var discovery = await browser.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", Ct);
        var revoked = await RevokeAsync(browser, refreshToken);

        Assert.EndsWith("/connect/revoke", discovery.GetProperty("revocation_endpoint").GetString());
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("invalid_grant", await ErrorAsync(await RefreshAsync(browser, refreshToken)));
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_and_issues_no_code()
    {
        await using var app = await IdentityApp.StartWithDemoAccountsAsync();
        var browser = app.CreateBrowser();
        var (_, challenge) = NewPkce();

        foreach (var (user, password) in new[] { ("city-admin", "wrong"), ("no-such-user", "Dev!Passw0rd") })
        {
            var answer = await SignInAsync(browser, challenge, user, password);

            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Null(answer.Headers.Location);
            Assert.Contains("用户名或密码错误", await answer.Content.ReadAsStringAsync(Ct));
        }
    }

    [Fact]
    public async Task A_disabled_person_cannot_sign_in()
    {
        await using var app = await IdentityApp.StartWithDemoAccountsAsync();
        var browser = app.CreateBrowser();
        await browser.PostAsync("/api/identity/users/city-admin/disable", null, Ct);

        var answer = await SignInAsync(browser, NewPkce().Challenge, "city-admin", "Dev!Passw0rd");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Null(answer.Headers.Location);
    }

    [Fact]
    public async Task Pkce_with_S256_is_required_and_the_verifier_must_match()
    {
        await using var app = await IdentityApp.StartWithDemoAccountsAsync();
        var browser = app.CreateBrowser();

        var withoutChallenge = await browser.GetAsync(AuthorizeUrl("x").Replace("&code_challenge=x&code_challenge_method=S256", ""), Ct);
        // Refused before any redirect: OpenIddict answers the browser itself.
        Assert.Equal(HttpStatusCode.BadRequest, withoutChallenge.StatusCode);
        var refusal = await withoutChallenge.Content.ReadAsStringAsync(Ct);
        Assert.Contains("invalid_request", refusal);
        Assert.Contains("code_challenge", refusal);

        var plain = await browser.GetAsync(AuthorizeUrl("a-plain-verifier-used-as-its-own-challenge-0123").Replace("S256", "plain"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("code_challenge_method", await plain.Content.ReadAsStringAsync(Ct));

        var (_, challenge) = NewPkce();
        var signedIn = await SignInAsync(browser, challenge, "city-admin", "Dev!Passw0rd");
        var code = QueryOf(signedIn.Headers.Location!)["code"];
        Assert.Equal("invalid_grant", await ErrorAsync(await RedeemCodeAsync(browser, code, NewPkce().Verifier)));
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_gets_no_sign_in_form()
    {
        await using var app = await IdentityApp.StartWithDemoAccountsAsync();
        var browser = app.CreateBrowser();

        var answer = await browser.GetAsync(AuthorizeUrl(NewPkce().Challenge).Replace(Uri.EscapeDataString(IdentityApp.RedirectUri),
            Uri.EscapeDataString("https://evil.test/callback")), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.DoesNotContain("password", await answer.Content.ReadAsStringAsync(Ct));
    }
}
