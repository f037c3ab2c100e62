using System.Net.Http.Json;
using System.Text;

namespace PartyPlatform.TestInfrastructure.Authorization;

/// <summary>What a write sends: JSON, a text file (CSV), a binary file (xlsx) or nothing. A fresh content per request.</summary>
public sealed class MatrixBody
{
    private readonly Func<HttpContent?> create;

    private MatrixBody(string kind, Func<HttpContent?> create)
    {
        Kind = kind;
        this.create = create;
    }

    /// <summary>The media type sent, or "none": the report's name for the body.</summary>
    public string Kind { get; }

    public static MatrixBody None { get; } = new("none", () => null);

    public static MatrixBody Json(object value) => new("json", () => JsonContent.Create(value));

    public static MatrixBody Text(string text, string mediaType) => new(mediaType, () => new StringContent(text, Encoding.UTF8, mediaType));

    public static MatrixBody File(byte[] bytes, string mediaType) => new(mediaType, () =>
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return content;
    });

    public HttpContent? Create() => create();
}
