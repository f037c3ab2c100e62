using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PartyPlatform.Requests;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Data;
using PartyPlatform.Surveys.Figures;

namespace PartyPlatform.Surveys.Ingests;

/// <summary>
/// Reads an upload line by line and writes it batch by batch: the good lines of a batch are copied (binary COPY) into a
/// staging table and merged into <c>visits</c> with one statement that skips what is there already, the rejected ones
/// into the ingest's rejections, and the ingest's counts move, all in the batch's transaction. The upload is never held
/// whole: memory is one batch. At the end (also when the upload breaks off) the organisations it touched are recounted
/// and each whose figures moved is published once.
/// </summary>
public sealed class VisitIngester(SurveysDb db, TimeProvider time, int batchLines)
{
    private readonly List<StagedVisit> visits = [];
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
            await EndAsync(ingest, campaign.Id, status, failure);
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
        else
        {
            visits.Add(visit!);
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
        var duplicates = visits.Count - overFull.Count - accepted;
        var (read, rejected, reached) = (linesInBatch, (long)rejections.Count, lastLine);
        await db.Set<Ingest>().Where(i => i.Id == ingest.Id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.LinesRead, i => i.LinesRead + read)
            .SetProperty(i => i.Accepted, i => i.Accepted + accepted)
            .SetProperty(i => i.Duplicates, i => i.Duplicates + duplicates)
            .SetProperty(i => i.Rejected, i => i.Rejected + rejected)
            .SetProperty(i => i.LastLine, reached), ct);
        await transaction.CommitAsync(ct);

        recorded = true;
        touched.UnionWith(visits.Select(v => v.OrganizationId));
        visits.Clear();
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

        // Row locks on the organisations, in one order: two ingests of one county merge one after the other, and
        // each counts the households the other has committed.
        var organizationIds = visits.Select(v => v.OrganizationId).Distinct().ToArray();
        await ExecuteAsync(connection, "SELECT 1 FROM campaign_organizations WHERE campaign_id = $1 AND organization_id = ANY($2) ORDER BY id FOR UPDATE",
            ct, campaignId, organizationIds);
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE ingest_rows (
                line bigint, organization_id uuid, household_key varchar(64), household_name varchar(50), phone varchar(20),
                visited_on date, visitor varchar(50), said varchar(2000)) ON COMMIT DROP
            """, ct);
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "COPY ingest_rows (line, organization_id, household_key, household_name, phone, visited_on, visitor, said) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var visit in visits)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(visit.Line, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(visit.OrganizationId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(visit.HouseholdKey, NpgsqlDbType.Varchar, ct);
                await WriteTextAsync(copy, visit.HouseholdName, ct);
                await WriteTextAsync(copy, visit.Phone, ct);
                await copy.WriteAsync(visit.VisitedOn, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(visit.Visitor, NpgsqlDbType.Varchar, ct);
                await WriteTextAsync(copy, visit.Said, ct);
            }

            await copy.CompleteAsync(ct);
        }

        var overFull = await OverFullAsync(connection, campaignId, ct);
        var accepted = await ExecuteAsync(connection, """
            INSERT INTO visits (campaign_id, organization_id, household_key, household_name, phone, visited_on, visitor, said, ingest_id, recorded_at)
            SELECT DISTINCT ON (organization_id, household_key, visited_on)
                   $1, organization_id, household_key, household_name, phone, visited_on, visitor, said, $2, $3
            FROM ingest_rows
            ORDER BY organization_id, household_key, visited_on, line
            ON CONFLICT (campaign_id, organization_id, household_key, visited_on) DO NOTHING
            """, ct, campaignId, ingestId, time.GetUtcNow());
        return (accepted, overFull);
    }

    /// <summary>
    /// The rule of <c>POST visits</c>, set-based: the households new to an organisation, in the order of their first line,
    /// beyond the room its households leave (households minus the distinct households visited so far) are taken out of
    /// the staging table, every line of them, and refused.
    /// </summary>
    private async Task<List<LineRejection>> OverFullAsync(NpgsqlConnection connection, Guid campaignId, CancellationToken ct)
    {
        if (!await MayOverflowAsync(connection, campaignId, ct))
        {
            return [];
        }

        // The room is counted once per organisation (materialised): inlined, the planner counted it once per staged line.
        await using var command = new NpgsqlCommand("""
            WITH new_keys AS (
                SELECT s.organization_id, s.household_key, min(s.line) AS line
                FROM ingest_rows s
                WHERE NOT EXISTS (SELECT 1 FROM visits v
                                  WHERE v.campaign_id = $1 AND v.organization_id = s.organization_id AND v.household_key = s.household_key)
                GROUP BY s.organization_id, s.household_key),
            ranked AS (
                SELECT organization_id, household_key, row_number() OVER (PARTITION BY organization_id ORDER BY line) AS rank FROM new_keys),
            room AS MATERIALIZED (
                SELECT o.organization_id, o.households,
                       o.households - (SELECT count(DISTINCT v.household_key) FROM visits v
                                       WHERE v.campaign_id = $1 AND v.organization_id = o.organization_id) AS room
                FROM campaign_organizations o
                WHERE o.campaign_id = $1 AND o.households IS NOT NULL AND o.organization_id IN (SELECT organization_id FROM new_keys))
            DELETE FROM ingest_rows s
            USING ranked r JOIN room m ON m.organization_id = r.organization_id
            WHERE r.rank > m.room AND s.organization_id = r.organization_id AND s.household_key = r.household_key
            RETURNING s.line, s.organization_id, m.households
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = campaignId });
        var refused = new List<LineRejection>();
        var texts = visits.ToDictionary(v => v.Line, v => v.Text);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (line, organization, households) = (reader.GetInt64(0), reader.GetGuid(1), reader.GetInt32(2));
            refused.Add(new LineRejection(line, "householdKey",
                $"All {households} households of '{names.GetValueOrDefault(organization)}' have been visited; a new household would make more. Correct its households first.",
                texts[line]));
        }

        return refused;
    }

    /// <summary>
    /// Whether any organisation of the batch could pass its households: its distinct household keys staged (an upper bound
    /// of its new ones) against its room. Most batches bring none near it (every batch of a first upload), and then the
    /// ranking of new households, a third of a plain insert's time for 50,000 lines, is skipped.
    /// </summary>
    private static async Task<bool> MayOverflowAsync(NpgsqlConnection connection, Guid campaignId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT EXISTS (
                SELECT 1
                FROM (SELECT organization_id, count(DISTINCT household_key) AS keys FROM ingest_rows GROUP BY organization_id) s
                JOIN campaign_organizations o ON o.campaign_id = $1 AND o.organization_id = s.organization_id AND o.households IS NOT NULL
                WHERE s.keys > o.households - (SELECT count(DISTINCT v.household_key) FROM visits v
                                               WHERE v.campaign_id = $1 AND v.organization_id = o.organization_id))
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = campaignId });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
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
    private async Task EndAsync(Ingest ingest, Guid campaignId, IngestStatus status, string? failure)
    {
        var ct = CancellationToken.None;
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (touched.Count > 0)
        {
            await db.RecountAsync(campaignId, touched, now, ct);
        }

        ingest.End(status, failure, now);
        await db.Set<Ingest>().Where(i => i.Id == ingest.Id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, status)
            .SetProperty(i => i.Failure, ingest.Failure)
            .SetProperty(i => i.EndedAt, now), ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

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
