using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace PartyPlatform.Identity.Tests.Api;

/// <summary>
/// Behind the gateway, Identity's discovery document and its OpenAPI server must name the address
/// the caller used, as the gateway forwards it (X-Forwarded-Proto/Host/Prefix), and only when the
/// headers come from a proxy it trusts: loopback, or <c>ForwardedHeaders:KnownProxies/KnownNetworks</c>.
/// </summary>
public sealed class PublicAddressTests
{
    private const string Public = "https://party.test/platform";

    private static readonly IPAddress Gateway = IPAddress.Loopback;
    private static readonly IPAddress Stranger = IPAddress.Parse("10.1.2.3");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_and_openapi_name_the_address_the_gateway_forwards()
    {
        await using var app = await IdentityApp.StartAsync();

        var discovery = await GetAsync(app, "/.well-known/openid-configuration", Gateway);
        var openApi = await GetAsync(app, "/openapi/v1.json", Gateway);

        Assert.Equal($"{Public}/connect/authorize", discovery.GetProperty("authorization_endpoint").GetString());
        Assert.Equal($"{Public}/connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{Public}/.well-known/jwks", discovery.GetProperty("jwks_uri").GetString());
        Assert.Equal(Public, openApi.GetProperty("servers")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Forwarded_headers_from_a_proxy_nobody_named_are_ignored()
    {
        await using var app = await IdentityApp.StartAsync();

        var discovery = await GetAsync(app, "/.well-known/openid-configuration", Stranger);
        var openApi = await GetAsync(app, "/openapi/v1.json", Stranger);

        Assert.Equal("http://localhost/connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal("http://localhost", openApi.GetProperty("servers")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_configured_proxy_network_is_believed()
    {
        await using var app = await IdentityApp.StartAsync(new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8" });

        var discovery = await GetAsync(app, "/.well-known/openid-configuration", Stranger);

        Assert.Equal($"{Public}/connect/token", discovery.GetProperty("token_endpoint").GetString());
    }

    /// <summary>A GET carrying what the gateway sends for a caller of <see cref="Public"/>, from <paramref name="from"/>.</summary>
    private static async Task<JsonElement> GetAsync(IdentityApp app, string path, IPAddress from)
    {
        var context = await app.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = path;
            context.Connection.RemoteIpAddress = from;
            context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
            context.Request.Headers["X-Forwarded-Proto"] = "https";
            context.Request.Headers["X-Forwarded-Host"] = "party.test";
            context.Request.Headers["X-Forwarded-Prefix"] = "/platform";
        }, Ct);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        return (await JsonDocument.ParseAsync(context.Response.Body, cancellationToken: Ct)).RootElement.Clone();
    }
}
