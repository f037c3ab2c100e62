using Microsoft.AspNetCore.Http.Timeouts;
using Yarp.ReverseProxy.Transforms;

namespace PartyPlatform.Gateway.Upstreams;

/// <summary>
/// A server-sent event stream lives as long as its page: whatever route it comes from, the request
/// timeout stops counting once the service answers with <c>text/event-stream</c>. The idle timeout
/// (<see cref="UpstreamOptions.IdleTimeout"/>) still ends a stream that goes silent.
/// </summary>
public static class EventStreams
{
    public const string MediaType = "text/event-stream";

    public static IReverseProxyBuilder ExemptEventStreamsFromTimeouts(this IReverseProxyBuilder proxy) =>
        proxy.AddTransforms(transforms => transforms.AddResponseTransform(context =>
        {
            if (context.ProxyResponse?.Content.Headers.ContentType?.MediaType is MediaType)
            {
                context.HttpContext.Features.Get<IHttpRequestTimeoutFeature>()?.DisableTimeout();
            }
            return ValueTask.CompletedTask;
        }));
}
