using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using PartyPlatform.Gateway.RequestLimits;
using PartyPlatform.Gateway.Upstreams;
using Yarp.ReverseProxy.Forwarder;

namespace PartyPlatform.Gateway.Routing;

/// <summary>
/// When a service cannot be reached YARP sets only a status code; this writes a ProblemDetails
/// that names the service, so a caller can tell "organizations is down" from "my request was wrong":
/// 503 when the service is down (known to be, or refusing connections), 504 when it is up but did not
/// answer within the route's timeout, 502 when it answered with something that is not HTTP.
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

            // The route's timeout cancels the request as a client that went away would; it still waits for an answer.
            var timedOut = context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;
            if (context.GetForwarderErrorFeature() is not { } error
                || context.Response.HasStarted
                || (context.RequestAborted.IsCancellationRequested && !timedOut))
            {
                return;
            }

            if (IsBodyTooLarge(error.Exception))
            {
                await RequestBodyLimitMiddleware.WriteTooLargeAsync(context);
                return;
            }

            var service = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
            var (status, detail) = timedOut
                ? (StatusCodes.Status504GatewayTimeout, $"The '{service}' service did not answer within this route's timeout.")
                : UpstreamFailures.IsUnreachable(error.Exception)
                    ? (StatusCodes.Status503ServiceUnavailable, $"The '{service}' service is down: it accepts no connection.")
                    : (context.Response.StatusCode, Detail(error.Error, service));
            context.Response.StatusCode = status;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = status,
                    Title = Title(status),
                    Detail = detail,
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
