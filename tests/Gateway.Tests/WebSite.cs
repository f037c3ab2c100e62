using Microsoft.AspNetCore.Mvc.Testing;
using static PartyPlatform.Gateway.Tests.GatewayCalls;

namespace PartyPlatform.Gateway.Tests;

/// <summary>The gateway in front of stand-ins for every service, and a browser calling it: where a web session's tests run.</summary>
public sealed class WebSite(Upstream upstream, GatewayApp gateway) : IAsyncDisposable
{
    public GatewayApp Gateway => gateway;

    public HttpClient Browser { get; } = BrowserOf(gateway);

    /// <param name="settings">Added to the gateway's configuration.</param>
    public static async Task<WebSite> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var upstream = await Upstream.StartAsync();
        return new WebSite(upstream, new GatewayApp(Addresses(upstream), settings));
    }

    /// <summary>A browser that keeps no cookies of its own (each test sends the session it means) and follows no redirect.</summary>
    public static HttpClient BrowserOf(GatewayApp gateway) =>
        gateway.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        await gateway.DisposeAsync();
        await upstream.DisposeAsync();
    }
}
