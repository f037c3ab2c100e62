using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using PartyPlatform.Gateway.RequestLimits;
using Yarp.ReverseProxy.Forwarder;

namespace PartyPlatform.Gateway.Routing;

/// <summary>
/// When a service cannot be reached YARP sets only a status code; this writes a ProblemDetails
/// that names the service, so a caller can tell "organizations is down" from "my request was wrong".
/// </summary>
public static class UpstreamProblems
{
    public static IReverseProxyApplicationBuilder UseUpstreamProblems(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            // The services answer with their own ProblemDetails: pass those on untouched.
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }

            await next();

            if (context.GetForwarderErrorFeature() is not { } error
                || context.Response.HasStarted
                || context.RequestAborted.IsCancellationRequested)
            {
                return;
            }

            if (IsBodyTooLarge(error.Exception))
            {
                await RequestBodyLimitMiddleware.WriteTooLargeAsync(context);
                return;
            }

            var service = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
            var status = context.Response.StatusCode;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = status,
                    Title = Title(status),
                    Detail = Detail(error.Error, service),
                    Extensions = { ["service"] = service, ["proxyError"] = error.Error.ToString() },
                },
            });
        });
        return proxy;
    }

    // Kestrel's 413 arrives wrapped (YARP reports an AggregateException), so look inside.
    private static bool IsBodyTooLarge(Exception? exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsBodyTooLarge),
        not null => IsBodyTooLarge(exception.InnerException),
        null => false,
    };

    private static string Title(int status) => status switch
    {
        StatusCodes.Status503ServiceUnavailable => "Service unavailable",
        StatusCodes.Status504GatewayTimeout => "Service timed out",
        StatusCodes.Status400BadRequest => "Bad request",
        _ => "Bad gateway",
    };

    private static string Detail(ForwarderError error, string service) => error switch
    {
        ForwarderError.NoAvailableDestinations => $"No instance of the '{service}' service is available.",
        ForwarderError.RequestTimedOut => $"The '{service}' service did not answer in time.",
        ForwarderError.RequestBodyClient => "The request body could not be read from the client.",
        _ => $"The '{service}' service could not be reached or gave no valid answer.",
    };
}
