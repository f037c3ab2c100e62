using Microsoft.AspNetCore.HttpOverrides;

namespace PartyPlatform.Gateway.ForwardedHeaders;

/// <summary>
/// Accepts X-Forwarded-For/Proto/Host only from the load balancer or ingress named in
/// configuration, so a caller cannot claim another client address. YARP then sets fresh
/// X-Forwarded-* headers on every upstream request from the values accepted here.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, GatewayOptions gateway) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
                                       | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto
                                       | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedHost;
            // Loopback stays trusted (the framework default); configured proxies come on top.
            foreach (var proxy in gateway.KnownProxies)
            {
                options.KnownProxies.Add(proxy);
            }
            foreach (var network in gateway.KnownNetworks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });

    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
