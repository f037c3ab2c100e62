using Microsoft.AspNetCore.Builder;

namespace PartyPlatform.Requests;

/// <summary>
/// An endpoint that reads its body as a stream (a bulk upload of a whole county): the request guard leaves the body
/// alone instead of buffering it, and the endpoint applies the encoding and text rules itself, line by line.
/// </summary>
public sealed class StreamedBody
{
    public static readonly StreamedBody Instance = new();

    private StreamedBody()
    {
    }
}

public static class StreamedBodyExtensions
{
    public static TBuilder StreamsItsBody<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(StreamedBody.Instance);
}
