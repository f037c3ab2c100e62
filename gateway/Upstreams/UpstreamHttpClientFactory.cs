using Yarp.ReverseProxy.Forwarder;

namespace PartyPlatform.Gateway.Upstreams;

/// <summary>YARP's client with the configured connect timeout instead of its 15 s: a service that
/// does not accept a connection within it is treated as down (503), not waited for.</summary>
public sealed class UpstreamHttpClientFactory(UpstreamOptions upstream, ILogger<ForwarderHttpClientFactory> logger)
    : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ConnectTimeout = upstream.ConnectTimeout;
    }
}
