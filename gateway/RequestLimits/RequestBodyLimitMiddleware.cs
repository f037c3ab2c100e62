using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using PartyPlatform.Gateway.Upstreams;
using Yarp.ReverseProxy.Model;

namespace PartyPlatform.Gateway.RequestLimits;

/// <summary>
/// One body limit for everything behind the gateway (<c>Gateway:MaxRequestBodyBytes</c>), but for the routes
/// of <c>Gateway:Routes</c> that have their own (the survey ingest's bulk uploads), so an oversized upload is
/// refused here with a 413 ProblemDetails before any service spends on it.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, GatewayOptions gateway)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = LimitOf(context, gateway);
        if (context.Request.ContentLength > limit)
        {
            await WriteTooLargeAsync(context);
            return;
        }

        // A body without Content-Length (chunked) is cut off by the server once it passes the
        // limit; the proxy's error handling turns that into the same 413.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }

    public static async Task WriteTooLargeAsync(HttpContext context)
    {
        var limit = LimitOf(context, context.RequestServices.GetRequiredService<GatewayOptions>());
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = $"The gateway accepts request bodies of at most {limit} bytes here.",
            },
        });
    }

    /// <summary>The matched route's own limit (routing has run: the endpoint is known), else the gateway's.</summary>
    private static long LimitOf(HttpContext context, GatewayOptions gateway) =>
        context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.Metadata?.GetValueOrDefault(RouteRule.BodyLimitMetadata) is { } own
            ? long.Parse(own, System.Globalization.CultureInfo.InvariantCulture)
            : gateway.MaxRequestBodyBytes;
}

public static class RequestBodyLimitExtensions
{
    public static WebApplication UseRequestBodyLimit(this WebApplication app)
    {
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }
}
