using System.Diagnostics;
using Microsoft.Extensions.Primitives;

namespace PartyPlatform.Gateway.CorrelationId;

/// <summary>
/// Gives every request one id that a county caller, the gateway's logs and the services'
/// logs all share: the caller's own <c>X-Correlation-Id</c> when it is sane, else a new one.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";
    public const string ActivityTagName = "correlation.id";
    public const string LogScopeName = "CorrelationId";
    public const int MaxLength = 128;

    // A message-template scope: structured sinks (OpenTelemetry) get a CorrelationId attribute,
    // the console prints "CorrelationId:<id>".
    private static readonly Func<ILogger, string, IDisposable?> LogScope =
        LoggerMessage.DefineScope<string>(LogScopeName + ":{" + LogScopeName + "}");

    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = Accept(context.Request.Headers[HeaderName]) ?? Guid.CreateVersion7().ToString();

        // YARP copies request headers upstream, so the service receives exactly this value.
        context.Request.Headers[HeaderName] = correlationId;
        // Set late: the exception handler clears headers, and an upstream echo must not double it.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = correlationId;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag(ActivityTagName, correlationId);

        using (LogScope(logger, correlationId))
        {
            await next(context);
        }
    }

    /// <summary>The caller's id, or null when absent, repeated, too long or not printable ASCII
    /// (control characters and line breaks would let a caller forge log lines).</summary>
    public static string? Accept(StringValues values)
    {
        if (values.Count != 1 || values[0] is not { Length: > 0 and <= MaxLength } value)
        {
            return null;
        }
        foreach (var c in value)
        {
            if (c is < '!' or > '~')
            {
                return null;
            }
        }
        return value;
    }

    /// <summary>The id of the current request (set on the request by the middleware).</summary>
    public static string? Get(HttpContext context) =>
        context.Request.Headers[HeaderName] is { Count: 1 } values ? values[0] : null;
}
