using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;

namespace PartyPlatform.EndToEnd.Tests;

/// <summary>
/// What a county system's standard OAuth client does: it is told the gateway's address and nothing
/// else, and follows the discovery document and the OpenAPI documents from there. Every address
/// the platform publishes must therefore be the gateway's, never a service's own port.
/// </summary>
public sealed partial class DiscoveryThroughGatewayTests(PlatformFixture platform)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The public address, as a county system is told it: scheme, host and port, no trailing slash.</summary>
    private string Authority => platform.Gateway.BaseAddress!.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task A_county_system_follows_discovery_to_a_token_and_reads_its_county_through_the_gateway()
    {
        var tree = new TestTree();
        (await platform.CityAdmin.PostAsJsonAsync("/api/organizations/imports/units", tree.Rows(villages: 2), Ct)).EnsureSuccessStatusCode();
        var (clientId, secret) = await CountySystemAsync(tree.County);

        // The library's default policy: issuer = authority, every endpoint under the authority, keys present.
        var discovery = await platform.Gateway.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest { Address = Authority }, Ct);
        Assert.False(discovery.IsError, $"{discovery.ErrorType}: {discovery.Error}");
        Assert.Equal($"{Authority}/connect/token", discovery.TokenEndpoint);
        Assert.NotEmpty(discovery.KeySet!.Keys);

        var token = await PastRateLimitAsync(() => platform.Gateway.RequestClientCredentialsTokenAsync(
            new ClientCredentialsTokenRequest { Address = discovery.TokenEndpoint, ClientId = clientId, ClientSecret = secret }, Ct), t => t.HttpResponse);
        Assert.False(token.IsError, $"{token.ErrorType}: {token.Error}");

        // The API's address comes from its own OpenAPI document, as a generated client would take it.
        var api = (await platform.Gateway.GetFromJsonAsync<JsonElement>("/openapi/organizations.json", Ct))
            .GetProperty("servers")[0].GetProperty("url").GetString()!;
        Assert.Equal(Authority, api);
        var county = await ReadAsync($"{api}/api/organizations/unit-codes/{tree.County}", token.AccessToken!);
        Assert.Equal("测试县", county.GetProperty("name").GetString());
        var below = await ReadAsync($"{api}/api/organizations/units?ancestorId={county.GetProperty("id")}", token.AccessToken!);
        Assert.Equal<string>(
            ["测试1村", "测试2村", "测试镇"],
            below.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("name").GetString()!).Order().ToArray());
    }

    [Fact]
    public async Task Every_address_in_the_discovery_document_is_the_gateways()
    {
        var document = await platform.Gateway.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", Ct);

        var addresses = Addresses(document).ToList();
        Assert.Contains(addresses, a => a.Name == "authorization_endpoint");
        Assert.Contains(addresses, a => a.Name == "token_endpoint");
        Assert.Contains(addresses, a => a.Name == "jwks_uri");
        Assert.Equal($"{Authority}/", document.GetProperty("issuer").GetString());
        Assert.All(addresses, a => Assert.StartsWith($"{Authority}/", a.Value));
    }

    [Fact]
    public async Task A_person_signs_in_by_authorization_code_and_pkce_at_the_addresses_discovery_gives()
    {
        var discovery = await platform.Gateway.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest { Address = Authority }, Ct);
        Assert.False(discovery.IsError, $"{discovery.ErrorType}: {discovery.Error}");
        Assert.StartsWith($"{Authority}/", discovery.AuthorizeEndpoint);
        Assert.Contains(OidcConstants.CodeChallengeMethods.Sha256, discovery.CodeChallengeMethodsSupported);
        if (discovery.EndSessionEndpoint is { } endSession)
        {
            Assert.StartsWith($"{Authority}/", endSession);
        }

        var verifier = CryptoRandom.CreateUniqueId(32);
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        const string redirectUri = "http://localhost:5080/signin-callback"; // the web page's registered address
        var authorize = new RequestUrl(discovery.AuthorizeEndpoint!).CreateAuthorizeUrl(
            clientId: "partyplatform-web", responseType: OidcConstants.ResponseTypes.Code, scope: "openid profile",
            redirectUri: redirectUri, state: "state-1", codeChallenge: challenge, codeChallengeMethod: OidcConstants.CodeChallengeMethods.Sha256);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var form = await browser.GetAsync(authorize, Ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync(Ct);
        // The form posts to an address relative to the page, so back through the gateway.
        var action = new Uri(new Uri(discovery.AuthorizeEndpoint!), FormAction().Match(html).Groups[1].Value);
        Assert.StartsWith($"{Authority}/", action.ToString());
        var fields = HiddenField().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["username"] = "viewer";
        fields["password"] = "Dev!Passw0rd";
        var signedIn = await PastRateLimitAsync(() => browser.PostAsync(action, new FormUrlEncodedContent(fields), Ct), r => r);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var code = new AuthorizeResponse(signedIn.Headers.Location!.ToString()).Code;
        Assert.NotNull(code);

        var token = await PastRateLimitAsync(() => platform.Gateway.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = discovery.TokenEndpoint, ClientId = "partyplatform-web", Code = code, RedirectUri = redirectUri, CodeVerifier = verifier,
            // A public client: its id in the body, no secret at all (not an empty one in a Basic header).
            ClientCredentialStyle = ClientCredentialStyle.PostBody,
        }, Ct), t => t.HttpResponse);
        Assert.False(token.IsError, $"{token.ErrorType}: {token.Error}");
        Assert.False(string.IsNullOrEmpty(token.IdentityToken));
    }

    [Fact]
    public async Task Every_openapi_document_names_the_gateway_as_its_server()
    {
        // Each service's document as the gateway serves it, and the gateway's own.
        string[] documents = ["/openapi/identity.json", "/openapi/organizations.json", "/openapi/venues.json", "/openapi/dashboard.json", "/openapi/personnel.json", "/openapi/v1.json"];
        foreach (var path in documents)
        {
            var document = await platform.Gateway.GetFromJsonAsync<JsonElement>(path, Ct);
            Assert.Equal(Authority, document.GetProperty("servers")[0].GetProperty("url").GetString());
        }

        // The API browser's "Try it" goes to the same address.
        var page = await platform.Gateway.GetStringAsync("/scalar", Ct);
        Assert.Contains(Authority, page);
    }

    /// <summary>Every string in the document that is an address (endpoints, keys, the issuer, aliases).</summary>
    private static IEnumerable<(string Name, string Value)> Addresses(JsonElement element, string name = "") => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Addresses(p.Value, p.Name)),
        JsonValueKind.String when Uri.TryCreate(element.GetString(), UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal)
            => [(name, element.GetString()!)],
        _ => [],
    };

    private async Task<(string ClientId, string Secret)> CountySystemAsync(string unitCode)
    {
        var clientId = $"e2e-{Guid.NewGuid():N}"[..20];
        var created = await platform.CityAdmin.PostAsJsonAsync("/api/identity/clients",
            new { clientId, displayName = "县级系统（测试）", unitCode, roles = new[] { "CountyOperator" } }, Ct);
        created.EnsureSuccessStatusCode();
        return (clientId, (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("clientSecret").GetString()!);
    }

    private async Task<JsonElement> ReadAsync(string address, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await platform.Gateway.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>
    /// Credential posts share the loopback address with every other test, and so its small budget:
    /// a 429 is waited out once, for as long as the gateway says.
    /// </summary>
    private static async Task<T> PastRateLimitAsync<T>(Func<Task<T>> send, Func<T, HttpResponseMessage?> response)
    {
        var answer = await send();
        if (response(answer) is { StatusCode: HttpStatusCode.TooManyRequests } refused)
        {
            await Task.Delay(refused.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(10), Ct);
            answer = await send();
        }

        return answer;
    }

    [GeneratedRegex("""<form method="post" action="([^"]*)">""")]
    private static partial Regex FormAction();

    [GeneratedRegex("""<input type="hidden" name="([^"]*)" value="([^"]*)">""")]
    private static partial Regex HiddenField();
}
