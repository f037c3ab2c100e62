using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace PartyPlatform.Requests;

/// <summary>
/// The one encoding rule for every text body (JSON and imported CSV): UTF-8, or GB18030 (which
/// includes GBK and GB2312) when the content type says so or when the bytes are not UTF-8 but are
/// GB18030: Excel saves "CSV" in GBK on a Chinese Windows, and county systems declare charset=gbk.
/// </summary>
public static class BodyEncoding
{
    private static readonly string[] Utf8Names = ["utf-8", "utf8", "us-ascii", "ascii"];
    private static readonly string[] Gb18030Names = ["gb18030", "gbk", "gb2312", "cp936", "x-gbk", "windows-936"];

    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    public abstract record Outcome;

    /// <summary>The body is UTF-8 already (a UTF-8 byte order mark removed).</summary>
    public sealed record Utf8(ReadOnlyMemory<byte> Body) : Outcome;

    /// <summary>The body was GB18030 and is now UTF-8.</summary>
    public sealed record Transcoded(byte[] Body) : Outcome;

    public sealed record Refused(int Status, string Reason) : Outcome;

    /// <summary>
    /// For a body read as a stream: the declared charset as a decoder that throws on bytes it cannot read (UTF-8 when
    /// none is declared, as a stream cannot be sniffed), or null for a charset that is not accepted.
    /// </summary>
    public static Encoding? StrictDecoding(MediaTypeHeaderValue contentType)
    {
        var charset = contentType.Charset.HasValue ? contentType.Charset.Value!.Trim('"').ToLowerInvariant() : null;
        return charset is null || Utf8Names.Contains(charset) ? new UTF8Encoding(false, throwOnInvalidBytes: true)
            : Gb18030Names.Contains(charset) ? Gb18030.Value
            : null;
    }

    public static Outcome ToUtf8(MediaTypeHeaderValue contentType, ReadOnlyMemory<byte> body)
    {
        var charset = contentType.Charset.HasValue ? contentType.Charset.Value!.Trim('"').ToLowerInvariant() : null;
        if (charset is not null && !Utf8Names.Contains(charset) && !Gb18030Names.Contains(charset))
        {
            return new Refused(StatusCodes.Status415UnsupportedMediaType,
                $"The body's charset '{charset}' is not accepted; send UTF-8, or GB18030/GBK declared as charset=gb18030 or charset=gbk.");
        }

        if (charset is null || Utf8Names.Contains(charset))
        {
            if (System.Text.Unicode.Utf8.IsValid(body.Span))
            {
                return new Utf8(body.Span.StartsWith(Encoding.UTF8.Preamble) ? body[Encoding.UTF8.Preamble.Length..] : body);
            }

            if (charset is not null)
            {
                return new Refused(StatusCodes.Status400BadRequest,
                    $"The body is declared UTF-8 but byte {FirstInvalidUtf8(body.Span) + 1} is not UTF-8; declare charset=gbk if it is GBK.");
            }
        }

        try
        {
            return new Transcoded(Encoding.UTF8.GetBytes(Gb18030.Value.GetString(body.Span)));
        }
        catch (DecoderFallbackException)
        {
            return charset is null
                ? new Refused(StatusCodes.Status415UnsupportedMediaType, "The body is neither UTF-8 nor GB18030/GBK text; send UTF-8.")
                : new Refused(StatusCodes.Status400BadRequest, $"The body is declared {charset} but is not valid GB18030/GBK text.");
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> body)
    {
        var valid = 0;
        while (valid < body.Length && Rune.DecodeFromUtf8(body[valid..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            valid += consumed;
        }

        return valid;
    }
}
