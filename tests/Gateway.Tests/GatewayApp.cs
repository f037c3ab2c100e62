using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Gateway.Tests;

/// <summary>
/// The gateway in process, for one test, in front of real listeners (or closed ports) standing in for
/// the services. Its timeouts and health probes are short so that a test sees them fire in a second or
/// two; everything else is the gateway's own configuration (appsettings.json), its routes included.
/// </summary>
public sealed class GatewayApp(IReadOnlyDictionary<string, string> serviceAddresses, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The services the gateway routes to (its appsettings.json lists the same as its defaults).</summary>
    public static IReadOnlyList<string> RoutedServices => GatewayOptions.DefaultServices;

    /// <summary>A client calling as a city system, with a token the gateway trusts.</summary>
    public HttpClient CreateCaller(string client = "city-system")
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", TestTokens.For(PlatformRoles.CityOperator, TestTokens.CityCode, subject: client));
        return http;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureTestServices(services => services.TrustTestTokens());
        builder.UseEnvironment("Testing");
        foreach (var (service, address) in serviceAddresses)
        {
            // Aspire's service discovery entries, as the AppHost passes them.
            builder.UseSetting($"services:{service}:http:0", address);
        }

        builder.UseSetting("Gateway:Upstream:RequestTimeout", RequestTimeout.ToString());
        builder.UseSetting("Gateway:Upstream:ConnectTimeout", "00:00:01");
        builder.UseSetting("Gateway:Upstream:HealthCheck:Interval", ProbeInterval.ToString());
        builder.UseSetting("Gateway:Upstream:HealthCheck:Timeout", "00:00:01");
        builder.UseSetting("Gateway:Upstream:HealthCheck:ReactivationPeriod", ProbeInterval.ToString());
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
