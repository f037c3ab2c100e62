using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace PartyPlatform.EndToEnd.Tests;

/// <summary>
/// The gateway's edge: token validation on <c>/api/**</c>, the public routes, CORS for the platform's
/// web page, and the per-caller rate limit. Only the gateway's own answers are asserted here; what a
/// service does with a valid token is the services' business.
/// </summary>
public sealed class GatewaySecurityTests(PlatformFixture platform)
{
    private const string ProtectedPath = "/api/organizations/units";
    private const string AllowedOrigin = "http://localhost:5080";

    // The gateway trusts X-Forwarded-For from loopback (its default trusted proxy), so a test can stand
    // for a client address of its own and keep its rate-limit budget apart from the other tests'.
    private const string ForwardedFor = "X-Forwarded-For";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Gateway => platform.Gateway;

    [Fact]
    public async Task An_anonymous_call_to_an_api_route_gets_a_401_problem_with_a_bearer_challenge()
    {
        var response = await Gateway.GetAsync(ProtectedPath, Ct);

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task A_platform_token_gets_past_the_gateway()
    {
        var token = await TokenAsync("city-admin-system", "dev-secret-city-admin");

        var response = await SendAsync(HttpMethod.Get, ProtectedPath, token);

        // What the service answers is its own business; the gateway must not refuse a valid token.
        Assert.True(response.StatusCode != HttpStatusCode.Unauthorized,
            $"{response.Headers.WwwAuthenticate} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    [Theory]
    [InlineData("edited payload")]
    [InlineData("alg none")]
    [InlineData("signed with another key")]
    [InlineData("garbage")]
    public async Task A_tampered_token_is_refused(string tampering)
    {
        var token = await TokenAsync("linwei-county-system", "dev-secret-linwei");
        var forged = Tamper(token, tampering);

        var response = await SendAsync(HttpMethod.Get, ProtectedPath, forged);

        await AssertRefusedAsync(response);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    [InlineData("/scalar/")]
    [InlineData("/scalar/scalar.js")]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/openapi/organizations.json")]
    public async Task Public_routes_answer_without_a_token(string path)
    {
        var response = await Gateway.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_preflight_from_the_platforms_web_page_is_allowed()
    {
        var response = await PreflightAsync(AllowedOrigin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(AllowedOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("GET", string.Join(',', response.Headers.GetValues("Access-Control-Allow-Methods")));
        Assert.Contains("authorization", string.Join(',', response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task An_answer_to_the_web_page_exposes_the_correlation_id_and_retry_after()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("Origin", AllowedOrigin);

        var response = await Gateway.SendAsync(request, Ct);

        Assert.Equal(AllowedOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var exposed = string.Join(',', response.Headers.GetValues("Access-Control-Expose-Headers")).ToLowerInvariant();
        Assert.Contains("x-correlation-id", exposed);
        Assert.Contains("retry-after", exposed);
    }

    [Fact]
    public async Task A_preflight_from_another_origin_gets_no_cors_headers()
    {
        var response = await PreflightAsync("http://evil.example");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task Guessing_client_secrets_is_slowed_down_with_429_and_retry_after()
    {
        const string address = "198.51.100.10";
        HttpResponseMessage? refused = null;

        // The anonymous budget for credentials is 30 per 10 s by default; a batch of 10 at a time
        // passes it within one window even when each guess costs the identity service a hash.
        for (var batch = 0; batch < 20 && refused is null; batch++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => GuessSecretAsync(address)));
            Assert.All(answers, answer => Assert.True(
                answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest or HttpStatusCode.TooManyRequests,
                $"a wrong secret answered {(int)answer.StatusCode}"));
            refused = answers.FirstOrDefault(answer => answer.StatusCode == HttpStatusCode.TooManyRequests);
        }

        Assert.NotNull(refused);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());

        // Another address has a budget of its own.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await GuessSecretAsync("198.51.100.11")).StatusCode);
    }

    [Fact]
    public async Task Health_probes_are_never_rate_limited()
    {
        const string address = "198.51.100.20";

        // More than the default per-caller budget (300 per 10 s), 25 at a time.
        var statuses = new List<HttpStatusCode>();
        for (var batch = 0; batch < 14; batch++)
        {
            statuses.AddRange(await Task.WhenAll(Enumerable.Range(0, 25).Select(async _ =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
                request.Headers.Add(ForwardedFor, address);
                return (await Gateway.SendAsync(request, Ct)).StatusCode;
            })));
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("correlationId", out _), problem.ToString());
    }

    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, ProtectedPath);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,x-correlation-id");
        return await Gateway.SendAsync(request, Ct);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Gateway.SendAsync(request, Ct);
    }

    private async Task<HttpResponseMessage> GuessSecretAsync(string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = PlatformFixture.TokenRequest("linwei-county-system", $"guess-{Guid.NewGuid():N}"),
        };
        request.Headers.Add(ForwardedFor, address);
        return await Gateway.SendAsync(request, Ct);
    }

    private Task<string> TokenAsync(string clientId, string secret) => platform.TokenAsync(clientId, secret, Ct);

    private static string Tamper(string token, string tampering)
    {
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject();
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();

        switch (tampering)
        {
            case "edited payload":
                // A county system promotes itself to city administrator; the signature stays the original.
                payload["role"] = "CityAdministrator";
                payload["unit_code"] = "610500000000";
                return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";

            case "alg none":
                header["alg"] = "none";
                payload["role"] = "CityAdministrator";
                return $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.";

            case "signed with another key":
                // Same header (including the real key id), same claims, a well-formed RS256 signature by a stranger's key.
                using (var stranger = RSA.Create(2048))
                {
                    var signed = $"{parts[0]}.{parts[1]}";
                    var signature = stranger.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                    return $"{signed}.{Base64UrlEncoder.Encode(signature)}";
                }

            case "garbage":
                return "not-a-token";

            default:
                throw new ArgumentOutOfRangeException(nameof(tampering), tampering, null);
        }
    }
}
