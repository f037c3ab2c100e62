using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.OpenApi;

namespace PartyPlatform.Dashboard.Live;

public static class FigureStreamApi
{
    public static RouteGroupBuilder MapFigureStreamApi(this IEndpointRouteBuilder routes)
    {
        var stream = routes.MapGroup("/api/dashboard/stream")
            .WithTag("Stream", "Server-sent events: which figures changed, at which of the caller's units, as facts arrive.");

        stream.MapGet("/figures", Figures).WithName("StreamFigureChanges")
            .WithSummary("A server-sent event stream: `event: figures` naming the kinds of figures and the caller's units that changed, at most once per coalescing window")
            .WithDescription("Starts with `retry:`; a `: keep-alive` comment line comes when nothing changed for a while. An event whose `unitIds` is empty means that more changed than one event names: reload everything.")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream");
        return stream;
    }

    private static async Task Figures(
        HttpContext http, ReplicaScope scope, FigureBroadcaster broadcaster, IOptions<StreamOptions> options, IOptions<JsonOptions> json,
        TimeProvider time, IHostApplicationLifetime lifetime, CancellationToken requestAborted)
    {
        var settings = options.Value;
        using var subscription = broadcaster.Subscribe(await scope.CallerUnitAsync(requestAborted));
        // Ends with the request, or when the service stops: an open stream must not hold up the shutdown.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var ct = ending.Token;
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await SendAsync(response, $"retry: {(long)settings.Reconnect.TotalMilliseconds}\n\n", ct);
            while (!ct.IsCancellationRequested)
            {
                if (!await subscription.WaitAsync(settings.KeepAlive, ct))
                {
                    await SendAsync(response, ": keep-alive\n\n", ct);
                }
                else if (subscription.Take(time.GetUtcNow()) is { } change)
                {
                    await SendAsync(response, $"event: figures\ndata: {JsonSerializer.Serialize(change, json.Value.SerializerOptions)}\n\n", ct);
                    // What changes meanwhile waits and goes out merged in the next event.
                    await Task.Delay(settings.CoalesceWindow, time, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The browser went away or the service stops; the browser reconnects by itself.
        }
    }

    private static async Task SendAsync(HttpResponse response, string text, CancellationToken ct)
    {
        await response.WriteAsync(text, ct);
        await response.Body.FlushAsync(ct);
    }
}
