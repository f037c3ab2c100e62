using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PartyPlatform.PublicAddress;

/// <summary>
/// Believes X-Forwarded-For/Proto/Host/Prefix only from loopback and the proxies named in
/// <c>ForwardedHeaders:KnownProxies</c>/<c>KnownNetworks</c>: the gateway's in front of a service,
/// the load balancer's in front of the gateway. The request then carries the address the caller
/// used, so whatever a process publishes about itself (discovery, OpenAPI servers) names the public
/// address; anyone else's headers are ignored, so a caller cannot claim another address.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static TBuilder AddTrustedProxies<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var section = builder.Configuration.GetSection(Section);
        var proxies = Read(section, "KnownProxies", IPAddress.Parse);
        var networks = Read(section, "KnownNetworks", System.Net.IPNetwork.Parse);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                                       | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix;
            // Loopback stays trusted (the framework's default): in run mode the gateway reaches a service over it.
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline: everything after it sees the caller's address and scheme.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    private static T[] Read<T>(IConfigurationSection section, string key, Func<string, T> parse) =>
        (section.GetSection(key).Get<string[]>() ?? []).Select(text =>
        {
            try
            {
                return parse(text.Trim());
            }
            catch (FormatException e)
            {
                throw new InvalidOperationException($"{section.Path}:{key} holds '{text}', which is not an address or network.", e);
            }
        }).ToArray();
}
