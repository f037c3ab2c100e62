using System.Net.Http;

namespace PartyPlatform.Gateway.Upstreams;

/// <summary>Which failures of a proxied request mean "the service is not there".</summary>
public static class UpstreamFailures
{
    /// <summary>
    /// Nothing reached the service: the connection was refused, its name did not resolve, or no connection
    /// was made within the connect timeout (which the handler reports as a <see cref="TimeoutException"/>).
    /// The request was certainly not processed, so the honest answer is 503, and the destination is down.
    /// </summary>
    public static bool IsUnreachable(Exception? exception) => exception switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
        TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnreachable),
        not null => IsUnreachable(exception.InnerException),
        null => false,
    };
}
