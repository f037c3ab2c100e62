using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Net.Http.Headers;

namespace PartyPlatform.Requests;

/// <summary>
/// The edge of every service: a request whose body or query no endpoint could accept is answered
/// 400 (or 415) with a ProblemDetails naming each field, before a handler or the database sees it.
/// Text bodies (JSON, CSV) arrive as UTF-8 or are converted to it here (<see cref="BodyEncoding"/>).
/// Runs after authorization, so a caller without a token learns nothing about what it sent.
/// </summary>
public sealed class RequestGuardMiddleware(RequestDelegate next, IConfiguration configuration, IProblemDetailsService problems)
{
    /// <summary>Longer than any field of the platform; a field's own limit is usually much lower.</summary>
    private readonly int maxStringLength = configuration.GetValue("RequestGuard:MaxStringLength", 20_000);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is { } endpoint && EnumQueryGuard.Inspect(endpoint, context.Request.Query) is { Count: > 0 } queryErrors)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, queryErrors, "A query parameter is not valid.");
            return;
        }

        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType) && IsText(contentType) && HasBody(context.Request)
            && context.GetEndpoint()?.Metadata.GetMetadata<StreamedBody>() is null)
        {
            if (!await GuardTextBodyAsync(context, contentType))
            {
                return;
            }
        }

        await next(context);
    }

    /// <returns>False when the request has been answered.</returns>
    private async Task<bool> GuardTextBodyAsync(HttpContext context, MediaTypeHeaderValue contentType)
    {
        var body = await ReadBodyAsync(context.Request);
        ReadOnlyMemory<byte> utf8;
        switch (BodyEncoding.ToUtf8(contentType, body))
        {
            case BodyEncoding.Refused refused:
                await RefuseAsync(context, refused.Status, new() { ["body"] = [refused.Reason] }, refused.Reason);
                return false;
            case BodyEncoding.Transcoded transcoded:
                utf8 = transcoded.Body;
                break;
            case BodyEncoding.Utf8 same:
                utf8 = same.Body;
                break;
            default:
                throw new InvalidOperationException("Unknown encoding outcome.");
        }

        var errors = IsJson(contentType)
            ? JsonBodyInspector.Inspect(utf8.Span, maxStringLength)
            : CsvTextErrors(utf8.Span);
        if (errors.Count > 0)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, errors, "The body holds values that are not accepted.");
            return false;
        }

        // Handlers read UTF-8 from here on, whatever was sent.
        contentType.Charset = "utf-8";
        context.Request.ContentType = contentType.ToString();
        context.Request.Body = MemoryMarshal.TryGetArray(utf8, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(utf8.ToArray(), writable: false);
        context.Request.ContentLength = utf8.Length;
        return true;
    }

    /// <summary>A text file has no fields yet: name the line of the first character it may not hold.</summary>
    private Dictionary<string, string[]> CsvTextErrors(ReadOnlySpan<byte> utf8)
    {
        var line = 1;
        foreach (var text in System.Text.Encoding.UTF8.GetString(utf8).Split('\n'))
        {
            if (RequestText.CharacterProblem(text) is { } problem)
            {
                return new() { [$"line {line}"] = [problem] };
            }

            line++;
        }

        return [];
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        // Bounded by Kestrel's MaxRequestBodySize (and the gateway's before it).
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    private Task RefuseAsync(HttpContext context, int status, Dictionary<string, string[]> errors, string detail)
    {
        context.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(errors)
            {
                Status = status,
                Title = status == StatusCodes.Status415UnsupportedMediaType ? "Unsupported text encoding" : "One or more validation errors occurred.",
                Detail = detail,
            },
        }).AsTask();
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true);

    private static bool IsJson(MediaTypeHeaderValue type) =>
        type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);

    private static bool IsText(MediaTypeHeaderValue type) =>
        IsJson(type) || type.Type.Equals("text", StringComparison.OrdinalIgnoreCase);
}
