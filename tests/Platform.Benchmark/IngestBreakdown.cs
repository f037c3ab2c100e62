using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Requests;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Data;
using PartyPlatform.Surveys.Figures;
using PartyPlatform.Surveys.Ingests;

namespace PartyPlatform.Platform.Benchmark;

/// <summary>
/// Where an ingest's time goes, measured apart on the same rows with Surveys' own code: reading, parsing and checking
/// the lines without a database, and the recount of the figures at the end. What is left of the in-process ingest is
/// the SQL (the locks, COPY into visits or into staging and the merge, the counts); what the gateway adds over it is HTTP and the request's handling.
/// </summary>
public sealed class IngestBreakdown
{
    private readonly DbContextOptions<SurveysDb> dbOptions;
    private readonly Campaign campaign;
    private readonly Dictionary<string, IngestOrganization> organizations;

    private IngestBreakdown(DbContextOptions<SurveysDb> dbOptions, Campaign campaign, Dictionary<string, IngestOrganization> organizations)
    {
        this.dbOptions = dbOptions;
        this.campaign = campaign;
        this.organizations = organizations;
    }

    /// <summary>Generating the NDJSON in this process: part of every path's time here, and the client's share through the gateway.</summary>
    public TimeSpan Generating { get; private set; }

    /// <summary>Reading, parsing and checking the lines, generating them excluded.</summary>
    public TimeSpan Parsing { get; private set; }

    public TimeSpan Recounting { get; private set; }

    public static async Task<IngestBreakdown> OfAsync(DbContextOptions<SurveysDb> dbOptions, Guid campaignId)
    {
        await using var db = new SurveysDb(dbOptions);
        var (campaign, organizations) = await CampaignAsync(db, campaignId);
        return new IngestBreakdown(dbOptions, campaign, organizations);
    }

    /// <summary>The campaign and its organisations as the ingest's endpoint loads them, for the city (every organisation is in its unit).</summary>
    public static async Task<(Campaign Campaign, Dictionary<string, IngestOrganization> Organizations)> CampaignAsync(SurveysDb db, Guid campaignId) =>
        (await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == campaignId),
            await db.CampaignOrganizations.AsNoTracking().Where(o => o.CampaignId == campaignId && o.SucceededBy == null)
                .ToDictionaryAsync(o => o.OrganizationCode, o => new IngestOrganization(o.OrganizationId, o.OrganizationName, InCallersUnit: true)));

    /// <summary>The ingest's reading of each line (the line's characters, its JSON, its fields' rules), with no database.</summary>
    public async Task ParseAsync(Func<IEnumerable<SyntheticVisit>> rows, long expected)
    {
        var generating = Stopwatch.StartNew();
        await using (var generated = new NdjsonVisits(rows()))
        {
            await generated.CopyToAsync(Stream.Null);
        }

        generating.Stop();
        Generating += generating.Elapsed;
        var clock = Stopwatch.StartNew();
        await using var body = new NdjsonVisits(rows());
        using var reader = new StreamReader(body, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        var (line, kept) = (0L, 0L);
        while (await reader.ReadLineAsync() is { } text)
        {
            line++;
            if (RequestText.CharacterProblem(text) is null && VisitLineFormat.Ndjson.Parse(text, out var fields) is null
                && VisitLine.Check(line, text, fields!, campaign, organizations, out _) is null)
            {
                kept++;
            }
        }

        Parsing += clock.Elapsed - generating.Elapsed;
        if (kept != expected)
        {
            throw new InvalidOperationException($"Parsing kept {kept} of {expected} lines.");
        }
    }

    /// <summary>
    /// The recount an ingest ends with, for the same organisations once their visits are in (rolled back: it moves nothing,
    /// so this is its locks and counts without the writes of the figures and their events).
    /// </summary>
    public async Task RecountAsync(Guid campaignId, IReadOnlyCollection<Guid> organizationIds)
    {
        await using var db = new SurveysDb(dbOptions);
        var clock = Stopwatch.StartNew();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.RecountAsync(campaignId, organizationIds, DateTimeOffset.UtcNow, CancellationToken.None);
        await transaction.RollbackAsync();
        Recounting += clock.Elapsed;
    }
}
