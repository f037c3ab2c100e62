using System.Text;
using Microsoft.AspNetCore.Http;

namespace PartyPlatform.Spreadsheets;

/// <summary>A sheet as the body of a request: the formats it comes in, CSV or Excel.</summary>
public static class SheetFile
{
    public const string CsvMediaType = "text/csv";
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// The rows of the body: CSV in UTF-8 (or the charset the Content-Type names, e.g. GB18030, as
    /// older county spreadsheets save it), or the first sheet of an .xlsx; anything else is 415.
    /// </summary>
    public static async Task<List<SheetLine>> ReadAsync(HttpRequest request, SheetColumns columns, int maxRows, CancellationToken ct)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        switch (mediaType)
        {
            case CsvMediaType:
                using (var text = new StreamReader(request.Body, EncodingOf(request)))
                {
                    return await SheetCsv.ReadAsync(text, columns, maxRows, ct);
                }

            case XlsxMediaType:
                // An .xlsx is a zip, read from its end: buffered (the body size limit bounds it).
                using (var workbook = new MemoryStream())
                {
                    await request.Body.CopyToAsync(workbook, ct);
                    workbook.Position = 0;
                    return SheetWorkbook.Read(workbook, columns, maxRows, ct);
                }

            default:
                throw new BadHttpRequestException(
                    $"Send the file as {CsvMediaType} or {XlsxMediaType}, not '{request.ContentType}'.",
                    StatusCodes.Status415UnsupportedMediaType);
        }
    }

    private static Encoding EncodingOf(HttpRequest request)
    {
        var charset = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.Charset.Value : null;
        if (string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8;
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            return Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            throw new BadHttpRequestException($"Unknown charset '{charset}'; send UTF-8 or GB18030.", StatusCodes.Status415UnsupportedMediaType);
        }
    }
}
