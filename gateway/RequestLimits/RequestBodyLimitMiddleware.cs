using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace PartyPlatform.Gateway.RequestLimits;

/// <summary>
/// One body limit for everything behind the gateway (<c>Gateway:MaxRequestBodyBytes</c>), so an
/// oversized upload is refused here with a 413 ProblemDetails before any service spends on it.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, GatewayOptions gateway)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > gateway.MaxRequestBodyBytes)
        {
            await WriteTooLargeAsync(context);
            return;
        }

        // A body without Content-Length (chunked) is cut off by the server once it passes the
        // limit; the proxy's error handling turns that into the same 413.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = gateway.MaxRequestBodyBytes;
        }

        await next(context);
    }

    public static async Task WriteTooLargeAsync(HttpContext context)
    {
        var limit = context.RequestServices.GetRequiredService<GatewayOptions>().MaxRequestBodyBytes;
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = $"The gateway accepts request bodies of at most {limit} bytes.",
            },
        });
    }
}

public static class RequestBodyLimitExtensions
{
    public static WebApplication UseRequestBodyLimit(this WebApplication app)
    {
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }
}
