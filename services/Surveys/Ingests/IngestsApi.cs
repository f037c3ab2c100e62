using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.OpenApi;
using PartyPlatform.Requests;
using PartyPlatform.Security;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Ingests;

public static class IngestsApi
{
    public static RouteGroupBuilder MapIngestsApi(this IEndpointRouteBuilder routes)
    {
        var ingests = routes.MapGroup("/api/surveys/campaigns/{id:guid}/ingests")
            .WithTag("Ingests", "Bulk uploads of a county's household visits (NDJSON or CSV, UTF-8 or GB18030), streamed into the database batch by batch: good lines are kept, each bad line is reported and can be downloaded, and a resent file counts once.");

        ingests.MapPost("", Start).RequireAuthorization(PlatformPolicies.Write).StreamsItsBody()
            .Accepts<string>(VisitLineFormat.NdjsonMediaType, VisitLineFormat.CsvMediaType)
            .WithName("IngestVisits").WithSummary("Ingest a file of household visits, one per line, for organisations of the caller's unit")
            .WithDescription($"""
                The body is NDJSON ({VisitLineFormat.NdjsonMediaType}, one JSON object per line) or CSV ({VisitLineFormat.CsvMediaType}, a header row naming
                the columns), in UTF-8 or, declared as charset=gb18030 (or gbk), GB18030. Each line has the fields of POST visits:
                {string.Join(", ", VisitLineFormat.Columns)}. It is read as it arrives and written in batches, each committed with the ingest's counts,
                so the ingest can be read (GetIngest) while it runs.

                Good lines are kept. A line is rejected, with its number, the field and the reason, when it cannot be read (malformed JSON or CSV,
                control characters), a field is missing or too long, its organisation is not in the campaign or outside the caller's unit, its day is
                outside the campaign's period, or it brings a new household past the organisation's households. The same visit (organisation,
                household key, day) counts once: already recorded or twice in the file, it is a duplicate, so a file can be sent again safely.
                When the upload breaks off, the batches read stay and the ingest ends Interrupted at the line it reached; sending the file again
                completes it. At the end the figures of the organisations it touched are recounted and published once per organisation.

                Refused whole (nothing written): an empty body, a file none of whose lines can be kept, a CSV header without a required column (400);
                a media type or charset not accepted (415); bytes that are not the declared charset (400; batches before them stay, the ingest
                ends Failed); a body past Surveys:Ingest:MaxBodyBytes (413).
                """);
        ingests.MapGet("", List).WithName("ListIngests")
            .WithSummary("The campaign's ingests sent from the caller's unit, newest first, paged");
        ingests.MapGet("/{ingestId:guid}", Get).WithName("GetIngest")
            .WithSummary("One ingest: its counts so far while it runs, its summary (status, counts, duration) once it ended");
        ingests.MapGet("/{ingestId:guid}/rejections", Rejections).WithName("ListIngestRejections")
            .WithSummary("The ingest's rejected lines, in file order, paged: line, field and reason");
        ingests.MapGet("/{ingestId:guid}/rejected-lines", RejectedLines).WithName("DownloadRejectedLines")
            .Produces(StatusCodes.Status200OK, contentType: VisitLineFormat.CsvMediaType, additionalContentTypes: VisitLineFormat.NdjsonMediaType)
            .WithSummary("The ingest's rejected lines as they were sent (a CSV with its header row, or NDJSON), in UTF-8, to fix and send again");

        return ingests;
    }

    private static async Task<Results<Created<IngestResponse>, NotFound>> Start(
        Guid id, HttpRequest request, ReplicaScope scope, SurveysDb db, AuditActor actor, TimeProvider time, IOptions<IngestOptions> options,
        CancellationToken ct)
    {
        // Kestrel cuts a longer body off at this limit (413 once read past it); a declared length past it is refused at once.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxBodyBytes;
        }

        if (request.ContentLength > options.Value.MaxBodyBytes)
        {
            throw new BadHttpRequestException($"An ingest's body may be at most {options.Value.MaxBodyBytes} bytes; send the file in parts.",
                StatusCodes.Status413PayloadTooLarge);
        }

        if (await db.VisibleCampaignAsync(scope, id, ct) is not { } campaign)
        {
            return TypedResults.NotFound();
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !(contentType.MediaType.Equals(VisitLineFormat.NdjsonMediaType, StringComparison.OrdinalIgnoreCase)
                 || contentType.MediaType.Equals(VisitLineFormat.CsvMediaType, StringComparison.OrdinalIgnoreCase)))
        {
            throw new BadHttpRequestException(
                $"Send the visits as {VisitLineFormat.NdjsonMediaType} or {VisitLineFormat.CsvMediaType}, not '{request.ContentType}'.",
                StatusCodes.Status415UnsupportedMediaType);
        }

        var encoding = BodyEncoding.StrictDecoding(contentType)
                       ?? throw new BadHttpRequestException($"The charset '{contentType.Charset}' is not accepted; send UTF-8, or GB18030 declared as charset=gb18030.",
                           StatusCodes.Status415UnsupportedMediaType);
        using var reader = new StreamReader(request.Body, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        var format = VisitLineFormat.Ndjson;
        var firstLine = 0L;
        if (contentType.MediaType.Equals(VisitLineFormat.CsvMediaType, StringComparison.OrdinalIgnoreCase))
        {
            var header = await ReadHeaderAsync(reader, ct);
            format = VisitLineFormat.Csv(header);
            firstLine = 1;
        }

        var units = await scope.UnitsAsync(ct);
        var organizations = await db.CampaignOrganizations.AsNoTracking().Where(o => o.CampaignId == id && o.SucceededBy == null)
            .Select(o => new { o.OrganizationCode, o.OrganizationId, o.OrganizationName, InScope = units.Any(u => u.Id == o.UnitId) })
            .ToDictionaryAsync(o => o.OrganizationCode, o => new IngestOrganization(o.OrganizationId, o.OrganizationName, o.InScope), ct);
        var ingest = Ingest.Start(id, await scope.CallerUnitAsync(ct), actor.Id, format.Format, format.Header, time.GetUtcNow());
        var ended = await new VisitIngester(db, time, options.Value.BatchLines)
            .RunAsync(ingest, campaign, format, organizations, reader, firstLine, ct);
        if (ended is null)
        {
            throw new BadHttpRequestException("The upload broke off before its first line.");
        }

        var summary = await db.Set<Ingest>().AsNoTracking().FirstAsync(i => i.Id == ended.Id, CancellationToken.None);
        return TypedResults.Created($"/api/surveys/campaigns/{id}/ingests/{summary.Id}", IngestResponse.From(summary));
    }

    private static async Task<string> ReadHeaderAsync(StreamReader reader, CancellationToken ct)
    {
        try
        {
            var header = await reader.ReadLineAsync(ct);
            return string.IsNullOrWhiteSpace(header)
                ? throw new RuleViolationException("body", "The body is empty: a CSV file starts with its header row.")
                : header.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new RuleViolationException("body", $"The header row is not {reader.CurrentEncoding.WebName} text; declare the charset the file is in (utf-8 or gb18030).");
        }
    }

    private static async Task<Results<Ok<Page<IngestResponse>>, NotFound>> List(
        Guid id, int? page, int? pageSize, ReplicaScope scope, SurveysDb db, CancellationToken ct)
    {
        if (await db.VisibleCampaignAsync(scope, id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var ingests = await VisibleIngestsAsync(db, scope, id, ct);
        var request = new PageRequest(page, pageSize);
        var items = await ingests.OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<IngestResponse>(items.ConvertAll(IngestResponse.From), request.Number, request.Size, await ingests.CountAsync(ct)));
    }

    private static async Task<Results<Ok<IngestResponse>, NotFound>> Get(Guid id, Guid ingestId, ReplicaScope scope, SurveysDb db, CancellationToken ct) =>
        await FindAsync(db, scope, id, ingestId, ct) is { } ingest ? TypedResults.Ok(IngestResponse.From(ingest)) : TypedResults.NotFound();

    private static async Task<Results<Ok<Page<IngestRejectionResponse>>, NotFound>> Rejections(
        Guid id, Guid ingestId, int? page, int? pageSize, ReplicaScope scope, SurveysDb db, CancellationToken ct)
    {
        if (await FindAsync(db, scope, id, ingestId, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var rejections = db.Set<IngestRejection>().AsNoTracking().Where(r => r.IngestId == ingestId);
        var request = new PageRequest(page, pageSize);
        var items = await rejections.OrderBy(r => r.Line).ThenBy(r => r.Id).Skip(request.Skip).Take(request.Size)
            .Select(r => new IngestRejectionResponse(r.Line, r.Field, r.Reason)).ToListAsync(ct);
        return TypedResults.Ok(new Page<IngestRejectionResponse>(items, request.Number, request.Size, await rejections.CountAsync(ct)));
    }

    private static async Task<Results<PushStreamHttpResult, NotFound>> RejectedLines(
        Guid id, Guid ingestId, ReplicaScope scope, SurveysDb db, CancellationToken ct)
    {
        if (await FindAsync(db, scope, id, ingestId, ct) is not { } ingest)
        {
            return TypedResults.NotFound();
        }

        var csv = ingest.Format == IngestFormat.Csv;
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(false));
            if (csv)
            {
                await writer.WriteLineAsync(ingest.Header);
            }

            // Streamed from the database in file order: a county's rejected lines are never held whole.
            await foreach (var text in db.Set<IngestRejection>().AsNoTracking().Where(r => r.IngestId == ingestId).OrderBy(r => r.Line).ThenBy(r => r.Id)
                               .Select(r => r.Text).AsAsyncEnumerable().WithCancellation(ct))
            {
                await writer.WriteLineAsync(text);
            }
        }, contentType: $"{(csv ? VisitLineFormat.CsvMediaType : VisitLineFormat.NdjsonMediaType)}; charset=utf-8",
            fileDownloadName: $"rejected-{ingest.Id}.{(csv ? "csv" : "ndjson")}");
    }

    /// <summary>
    /// An ingest is its sender's unit's: the rejected lines hold households' names and phones. Seen within the caller's unit (the city
    /// sees all); any other is not found.
    /// </summary>
    private static async Task<Ingest?> FindAsync(SurveysDb db, ReplicaScope scope, Guid campaignId, Guid ingestId, CancellationToken ct) =>
        await db.VisibleCampaignAsync(scope, campaignId, ct) is null
            ? null
            : await (await VisibleIngestsAsync(db, scope, campaignId, ct)).FirstOrDefaultAsync(i => i.Id == ingestId, ct);

    private static async Task<IQueryable<Ingest>> VisibleIngestsAsync(SurveysDb db, ReplicaScope scope, Guid campaignId, CancellationToken ct)
    {
        var ingests = db.Set<Ingest>().AsNoTracking().Where(i => i.CampaignId == campaignId);
        if (await scope.CallerUnitAsync(ct) is null)
        {
            return ingests;
        }

        var units = await scope.UnitsAsync(ct);
        return ingests.Where(i => units.Any(u => u.Id == i.UnitId));
    }
}
