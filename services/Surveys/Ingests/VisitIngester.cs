using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PartyPlatform.Requests;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Data;
using PartyPlatform.Surveys.Figures;
using PartyPlatform.Surveys.Visits;

namespace PartyPlatform.Surveys.Ingests;

/// <summary>
/// Reads an upload line by line and writes it batch by batch, each batch in its own transaction with the ingest's counts,
/// so that the ingest can be read while it runs and memory is one batch whatever the file's size. A visit twice in a
/// batch is kept once there and then (a duplicate); the good lines of the batch are copied (binary COPY): those of
/// organisations without a visit straight into <c>visits</c>, the others into a staging table merged with one statement
/// that skips what is there already. At the end (also when the upload breaks off) the organisations it touched are
/// recounted and each whose figures moved is published once.
/// </summary>
public sealed class VisitIngester(SurveysDb db, TimeProvider time, int batchLines)
{
    private const string VisitColumns = "campaign_id, organization_id, household_key, household_name, phone, visited_on, visitor, said, ingest_id, recorded_at";

    /// <summary>The batch's visits, each the first line that brought it, in the order of the lines.</summary>
    private readonly List<StagedVisit> visits = [];

    /// <summary>Later lines of a visit the batch holds already: duplicates, unless their household is refused.</summary>
    private readonly List<StagedVisit> repeated = [];

    private readonly HashSet<(Guid Organization, string Household, DateOnly Day)> inBatch = [];
    private readonly List<LineRejection> rejections = [];
    private readonly HashSet<Guid> touched = [];
    private Dictionary<Guid, string> names = [];
    private long linesInBatch;
    private long lastLine;
    private bool recorded;

    /// <param name="firstLine">The lines already read (a CSV's header).</param>
    /// <returns>The ingest as it ended, or null when nothing was written (the upload broke off before its first line).</returns>
    public async Task<Ingest?> RunAsync(
        Ingest ingest, Campaign campaign, VisitLineFormat format, IReadOnlyDictionary<string, IngestOrganization> organizations, TextReader reader,
        long firstLine, CancellationToken ct)
    {
        names = organizations.Values.ToDictionary(o => o.OrganizationId, o => o.Name);
        lastLine = firstLine;
        var status = IngestStatus.Completed;
        string? failure = null;
        Exception? refusal = null;
        while (true)
        {
            string? text;
            try
            {
                text = await reader.ReadLineAsync(ct);
            }
            catch (DecoderFallbackException)
            {
                status = IngestStatus.Failed;
                failure = $"Line {lastLine + 1} is not {reader.CurrentEncodingName()} text; declare the charset the file is in (utf-8 or gb18030).";
                refusal = new RuleViolationException("body", failure);
                break;
            }
            catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                status = IngestStatus.Failed;
                failure = tooLarge.Message;
                refusal = tooLarge;
                break;
            }
            catch (Exception)
            {
                // Any other failure to read the body is the sender gone (a reset connection, an aborted request): what it
                // sent stays, and sending the file again completes it.
                status = IngestStatus.Interrupted;
                break;
            }

            if (text is null)
            {
                break;
            }

            lastLine++;
            if (lastLine == 1)
            {
                text = text.TrimStart('\uFEFF');
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            Read(text, format, campaign, organizations);
            if (linesInBatch >= batchLines)
            {
                await WriteBatchAsync(ingest, campaign.Id);
            }
        }

        if (!recorded && status == IngestStatus.Completed)
        {
            RefuseWhollyBadFile();
        }

        if (refusal is null || recorded)
        {
            await WriteBatchAsync(ingest, campaign.Id);
        }

        if (recorded)
        {
            await EndAsync(ingest, status, failure);
        }

        return refusal is null ? recorded ? ingest : null : throw refusal;
    }

    private void Read(string text, VisitLineFormat format, Campaign campaign, IReadOnlyDictionary<string, IngestOrganization> organizations)
    {
        linesInBatch++;
        VisitFields? fields = null;
        if ((RequestText.CharacterProblem(text) ?? format.Parse(text, out fields)) is { } unreadable)
        {
            rejections.Add(new LineRejection(lastLine, "line", unreadable, text));
        }
        else if (VisitLine.Check(lastLine, text, fields!, campaign, organizations, out var visit) is { } rejection)
        {
            rejections.Add(rejection);
        }
        else if (inBatch.Add((visit!.OrganizationId, visit.HouseholdKey, visit.VisitedOn)))
        {
            visits.Add(visit);
        }
        else
        {
            repeated.Add(visit);
        }
    }

    /// <summary>A file of which no line can be kept is the wrong file: refused whole, as a bad request, and nothing is written.</summary>
    private void RefuseWhollyBadFile()
    {
        if (visits.Count > 0)
        {
            return;
        }

        if (rejections.FirstOrDefault() is not { } first)
        {
            throw new RuleViolationException("body", "The body holds no line to ingest.");
        }

        throw new RuleViolationException($"lines[{first.Line}].{first.Field}",
            $"No line of the file can be kept; line {first.Line}, {first.Field}: {first.Reason}" +
            (rejections.Count > 1 ? $" (and {rejections.Count - 1} more lines)" : ""));
    }

    private async Task WriteBatchAsync(Ingest ingest, Guid campaignId)
    {
        if (linesInBatch == 0)
        {
            return;
        }

        // The batch is written whole even when the client has gone: what was read is kept.
        var ct = CancellationToken.None;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!recorded)
        {
            // Its one audit entry; the counts and the end move by statements of their own, not one audited change per batch.
            db.Add(ingest);
            await db.SaveChangesAsync(ct);
            db.Entry(ingest).State = EntityState.Detached;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var (accepted, overFull) = await MergeAsync(connection, ingest.Id, campaignId, ct);
        rejections.AddRange(overFull);
        await CopyRejectionsAsync(connection, ingest.Id, ct);
        var duplicates = visits.Count + repeated.Count - overFull.Count - accepted;
        var (read, rejected, reached) = (linesInBatch, (long)rejections.Count, lastLine);
        await db.Set<Ingest>().Where(i => i.Id == ingest.Id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.LinesRead, i => i.LinesRead + read)
            .SetProperty(i => i.Accepted, i => i.Accepted + accepted)
            .SetProperty(i => i.Duplicates, i => i.Duplicates + duplicates)
            .SetProperty(i => i.Rejected, i => i.Rejected + rejected)
            .SetProperty(i => i.LastLine, reached)
            .SetProperty(i => i.ProgressAt, time.GetUtcNow()), ct);
        await transaction.CommitAsync(ct);

        recorded = true;
        touched.UnionWith(visits.Select(v => v.OrganizationId));
        visits.Clear();
        repeated.Clear();
        inBatch.Clear();
        rejections.Clear();
        linesInBatch = 0;
    }

    /// <returns>The visits new to the campaign, and the lines refused because they bring a household past the organisation's households.</returns>
    private async Task<(long Accepted, List<LineRejection> OverFull)> MergeAsync(NpgsqlConnection connection, Guid ingestId, Guid campaignId, CancellationToken ct)
    {
        if (visits.Count == 0)
        {
            return (0, []);
        }

        var organizationIds = visits.Select(v => v.OrganizationId).Distinct().ToArray();
        await db.LockOrganizationsAsync(campaignId, organizationIds, ct);
        // Read in a statement after the locks, so that it sees every visit of a write that held them before.
        var holdings = await HoldingsAsync(connection, campaignId, organizationIds, ct);
        var overFull = await OverFullAsync(connection, campaignId, holdings, ct);
        var kept = visits.Where(v => !overFull.Contains((v.OrganizationId, v.HouseholdKey))).ToList();
        var now = time.GetUtcNow();

        // An organisation without a visit gets none from anyone else while this batch holds its lock, and the batch holds
        // each visit once: its visits cannot conflict, so they skip the staging table and the merge.
        var (first, more) = (kept.Where(v => holdings[v.OrganizationId].VisitedHouseholds == 0).ToList(),
            kept.Where(v => holdings[v.OrganizationId].VisitedHouseholds > 0).ToList());
        long accepted = 0;
        if (first.Count > 0)
        {
            accepted += await CopyAsync(connection, "visits", first, campaignId, ingestId, now, ct);
        }

        if (more.Count > 0)
        {
            await ExecuteAsync(connection, $"CREATE TEMP TABLE ingest_visits ON COMMIT DROP AS SELECT {VisitColumns} FROM visits WITH NO DATA", ct);
            await CopyAsync(connection, "ingest_visits", more, campaignId, ingestId, now, ct);
            accepted += await ExecuteAsync(connection, $"""
                INSERT INTO visits ({VisitColumns}) SELECT {VisitColumns} FROM ingest_visits
                ON CONFLICT (campaign_id, organization_id, household_key, visited_on) DO NOTHING
                """, ct);
        }

        return (accepted, visits.Concat(repeated).Where(v => overFull.Contains((v.OrganizationId, v.HouseholdKey))).Select(OverFullRejection(holdings)).ToList());
    }

    private static async Task<Dictionary<Guid, OrganizationHolding>> HoldingsAsync(
        NpgsqlConnection connection, Guid campaignId, Guid[] organizationIds, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT o.organization_id, o.households,
                   (SELECT count(DISTINCT v.household_key) FROM visits v WHERE v.campaign_id = $1 AND v.organization_id = o.organization_id)
            FROM campaign_organizations o
            WHERE o.campaign_id = $1 AND o.organization_id = ANY($2)
            """, connection) { Parameters = { new NpgsqlParameter { Value = campaignId }, new NpgsqlParameter { Value = organizationIds } } };
        var holdings = new Dictionary<Guid, OrganizationHolding>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            holdings[reader.GetGuid(0)] = new OrganizationHolding(reader.IsDBNull(1) ? null : reader.GetInt32(1), (int)reader.GetInt64(2));
        }

        return holdings;
    }

    /// <summary>
    /// The households <see cref="HouseholdRoom"/> refuses. The households of the batch visited before are read only for the
    /// organisations that could overflow at all.
    /// </summary>
    private async Task<HashSet<(Guid Organization, string Household)>> OverFullAsync(
        NpgsqlConnection connection, Guid campaignId, Dictionary<Guid, OrganizationHolding> holdings, CancellationToken ct)
    {
        var mayOverflow = HouseholdRoom.MayOverflow(visits, holdings);
        if (mayOverflow.Count == 0)
        {
            return [];
        }

        var asked = visits.Where(v => mayOverflow.Contains(v.OrganizationId) && holdings[v.OrganizationId].VisitedHouseholds > 0)
            .Select(v => (v.OrganizationId, v.HouseholdKey)).Distinct().ToList();
        var visitedBefore = new HashSet<(Guid Organization, string Household)>();
        if (asked.Count > 0)
        {
            await using var command = new NpgsqlCommand("""
                SELECT DISTINCT v.organization_id, v.household_key
                FROM unnest($2::uuid[], $3::text[]) AS k(organization_id, household_key)
                JOIN visits v ON v.campaign_id = $1 AND v.organization_id = k.organization_id AND v.household_key = k.household_key
                """, connection)
            {
                Parameters =
                {
                    new NpgsqlParameter { Value = campaignId }, new NpgsqlParameter { Value = asked.Select(a => a.OrganizationId).ToArray() },
                    new NpgsqlParameter { Value = asked.Select(a => a.HouseholdKey).ToArray() },
                },
            };
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                visitedBefore.Add((reader.GetGuid(0), reader.GetString(1)));
            }
        }

        return HouseholdRoom.OverFull(visits, holdings, visitedBefore);
    }

    private Func<StagedVisit, LineRejection> OverFullRejection(Dictionary<Guid, OrganizationHolding> holdings) => visit => new LineRejection(
        visit.Line, "householdKey",
        $"All {holdings[visit.OrganizationId].Households} households of '{names.GetValueOrDefault(visit.OrganizationId)}' have been visited; a new household would make more. Correct its households first.",
        visit.Text);

    /// <returns>The rows copied.</returns>
    private static async Task<long> CopyAsync(
        NpgsqlConnection connection, string table, List<StagedVisit> rows, Guid campaignId, Guid ingestId, DateTimeOffset now, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} ({VisitColumns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var visit in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(campaignId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(visit.OrganizationId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(visit.HouseholdKey, NpgsqlDbType.Varchar, ct);
            await WriteTextAsync(copy, visit.HouseholdName, ct);
            await WriteTextAsync(copy, visit.Phone, ct);
            await copy.WriteAsync(visit.VisitedOn, NpgsqlDbType.Date, ct);
            await copy.WriteAsync(visit.Visitor, NpgsqlDbType.Varchar, ct);
            await WriteTextAsync(copy, visit.Said, ct);
            await copy.WriteAsync(ingestId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
        }

        return (long)await copy.CompleteAsync(ct);
    }

    private async Task CopyRejectionsAsync(NpgsqlConnection connection, Guid ingestId, CancellationToken ct)
    {
        if (rejections.Count == 0)
        {
            return;
        }

        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY ingest_rejections (ingest_id, line, field, reason, text) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var rejection in rejections)
        {
            await copy.WriteRowAsync(ct, ingestId, rejection.Line, rejection.Field, rejection.Reason, rejection.Text);
        }

        await copy.CompleteAsync(ct);
    }

    /// <summary>The organisations the ingest touched are recounted once, and each whose figures moved is published once.</summary>
    private async Task EndAsync(Ingest ingest, IngestStatus status, string? failure)
    {
        var ct = CancellationToken.None;
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        ingest.End(status, failure, now);
        await db.EndIngestAsync(ingest, touched, ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);
}

internal static class TextReaderEncoding
{
    public static string CurrentEncodingName(this TextReader reader) =>
        reader is StreamReader stream ? stream.CurrentEncoding.WebName : "the declared";
}
