using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PartyPlatform.Identity.Tests.Api;

/// <summary>What a county system or the web page does on the wire, written out by hand.</summary>
public static partial class OAuth
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> ClientCredentialsAsync(HttpClient http, string clientId, string secret) =>
        http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }), Ct);

    /// <summary>A successful token response's access token.</summary>
    public static async Task<string> AccessTokenAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A refused token response's <c>error</c>.</summary>
    public static async Task<string?> ErrorAsync(HttpResponseMessage response)
    {
        Assert.False(response.IsSuccessStatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return body.GetProperty("error").GetString();
    }

    public static (JsonElement Header, JsonElement Payload) DecodeJwt(string jwt)
    {
        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        return (Decode(parts[0]), Decode(parts[1]));

        static JsonElement Decode(string part) => JsonDocument.Parse(Base64Url.DecodeFromChars(part)).RootElement.Clone();
    }

    /// <summary>A claim that may be one string or an array of them.</summary>
    public static string[] Values(JsonElement payload, string claim) =>
        payload.TryGetProperty(claim, out var value)
            ? value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetString()!)] : [value.GetString()!]
            : [];

    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string challenge, string state = "state-123", string scope = "openid profile offline_access") =>
        "/connect/authorize?" + string.Join('&', new Dictionary<string, string>
        {
            ["client_id"] = "partyplatform-web",
            ["response_type"] = "code",
            ["redirect_uri"] = IdentityApp.RedirectUri,
            ["scope"] = scope,
            ["state"] = state,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>The hidden fields of the sign-in form (the authorization request it posts back).</summary>
    public static Dictionary<string, string> HiddenFields(string html) =>
        HiddenField().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));

    /// <summary>GET the form, POST it back with the credentials: the answer (a redirect carrying the code, or the form again).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string challenge, string userName, string password)
    {
        var form = await browser.GetAsync(AuthorizeUrl(challenge), Ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var fields = HiddenFields(await form.Content.ReadAsStringAsync(Ct));
        fields["username"] = userName;
        fields["password"] = password;
        return await browser.PostAsync("/connect/authorize", new FormUrlEncodedContent(fields), Ct);
    }

    public static Dictionary<string, string> QueryOf(Uri location) =>
        location.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""));

    public static Task<HttpResponseMessage> RedeemCodeAsync(HttpClient http, string code, string verifier) =>
        http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "partyplatform-web",
            ["code"] = code,
            ["redirect_uri"] = IdentityApp.RedirectUri,
            ["code_verifier"] = verifier,
        }), Ct);

    public static Task<HttpResponseMessage> RefreshAsync(HttpClient http, string refreshToken) =>
        http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "partyplatform-web",
            ["refresh_token"] = refreshToken,
        }), Ct);

    public static Task<HttpResponseMessage> RevokeAsync(HttpClient http, string refreshToken) =>
        http.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = "partyplatform-web",
            ["token"] = refreshToken,
            ["token_type_hint"] = "refresh_token",
        }), Ct);

    [GeneratedRegex("""<input type="hidden" name="([^"]*)" value="([^"]*)">""")]
    private static partial Regex HiddenField();
}
