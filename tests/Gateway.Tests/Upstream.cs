using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PartyPlatform.Gateway.Tests;

/// <summary>
/// A stand-in for a service behind the gateway: a real Kestrel listener on a real loopback port, so the
/// gateway's connections, timeouts and probes meet real sockets. It answers its health probe, echoes
/// what reached it (path, Authorization and Cookie headers), answers slowly on <c>/slow?ms=</c>, and streams server-sent events on <c>.../stream/**</c>
/// and <c>/events</c>.
/// </summary>
public sealed class Upstream : IAsyncDisposable
{
    /// <summary>How long <c>/slow</c> takes unless told: far longer than any timeout a test configures.</summary>
    public static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(60);

    private readonly WebApplication app;

    private Upstream(WebApplication app, string address)
    {
        this.app = app;
        Address = address;
    }

    public string Address { get; }

    public static async Task<Upstream> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();

        app.MapGet("/health", () => "Healthy");
        app.MapGet("/api/{service}/slow", async (int? ms, CancellationToken aborted) =>
        {
            await Task.Delay(ms is { } given ? TimeSpan.FromMilliseconds(given) : SlowAnswer, aborted);
            return "done";
        });
        app.MapGet("/api/{service}/stream/{**rest}", (HttpContext context, int events, int intervalMs) => StreamAsync(context, events, intervalMs));
        app.MapGet("/api/{service}/events", (HttpContext context, int events, int intervalMs) => StreamAsync(context, events, intervalMs));
        app.MapGet("/api/{service}/{**rest}", (string service, HttpContext context) => TypedResults.Ok(new
        {
            service, path = context.Request.Path.Value, authorization = context.Request.Headers.Authorization.ToString(),
            cookie = context.Request.Headers.Cookie.ToString(),
        }));
        // The web page's files, as the Dashboard serves them.
        app.MapGet("/dashboard/{**rest}", (HttpContext context) => TypedResults.Ok(new { page = context.Request.Path.Value }));
        // An upload: how many bytes of it arrived.
        app.MapPost("/api/{service}/{**rest}", async (HttpContext context) =>
        {
            long bytes = 0;
            var buffer = new byte[64 * 1024];
            for (int read; (read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0;)
            {
                bytes += read;
            }

            return TypedResults.Ok(new { bytes, authorization = context.Request.Headers.Authorization.ToString() });
        });

        await app.StartAsync();
        return new Upstream(app, app.Urls.Single());
    }

    /// <summary>A port nothing listens on: what a crashed service leaves behind.</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task StreamAsync(HttpContext context, int events, int intervalMs)
    {
        context.Response.ContentType = "text/event-stream";
        for (var i = 1; i <= events; i++)
        {
            await context.Response.WriteAsync($"data: {i}\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            if (i < events)
            {
                await Task.Delay(intervalMs, context.RequestAborted);
            }
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
