using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Security;
using PartyPlatform.Surveys.Ingests;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Surveys.Tests.Api;

public sealed class IngestsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Village1 = TestTree.VillageCode(TestTree.TownshipCode, 1);
    private static readonly string Village2 = TestTree.VillageCode(TestTree.TownshipCode, 2);
    private static readonly string OtherCountyVillage = TestTree.VillageCode(TestTree.OtherTownshipCode, 1);

    [Fact]
    public async Task A_resent_file_counts_each_visit_once_and_publishes_nothing_new()
    {
        await using var app = await SurveysApp.StartAsync(ingestBatchLines: 2);
        var campaign = await app.CampaignAsync(households: 10);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var file = Ingests.File([
            Ingests.Line(Village1, "H-1"), Ingests.Line(Village1, "H-2"), Ingests.Line(Village1, "H-1"), // twice in the file
            Ingests.Line(Village1, "H-1", "2026-06-03"), Ingests.Line(Village2, "H-1"),
        ]);

        var first = await Ingests.SendAsync(county, campaign, file);
        var again = await Ingests.SendAsync(county, campaign, file);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(("Completed", 5L, 4L, 1L, 0L), Ingests.Counts(await Ingests.SummaryAsync(first)));
        Assert.Equal(("Completed", 5L, 0L, 5L, 0L), Ingests.Counts(await Ingests.SummaryAsync(again)));
        await using var db = app.OpenDb();
        Assert.Equal(4, await db.Visits.CountAsync(Ct));
        var figures = await db.CampaignOrganizations.Where(o => o.CampaignId == campaign && o.VisitedHouseholds > 0)
            .OrderBy(o => o.OrganizationCode).Select(o => new { o.OrganizationCode, o.VisitedHouseholds }).ToListAsync(Ct);
        Assert.Equal([(Village1, 2), (Village2, 1)], figures.Select(f => (f.OrganizationCode, f.VisitedHouseholds)));
        // Three batches, one event per organisation at the end; the resend moves nothing and publishes nothing.
        var published = await app.PublishedAsync<OrganizationVisitFiguresChanged>();
        Assert.Equal([(Village1, 2), (Village2, 1)], published.Where(e => e.VisitedHouseholds > 0).OrderBy(e => e.OrganizationCode)
            .Select(e => (e.OrganizationCode, e.VisitedHouseholds)));
        // One audit entry per ingest, saying who sent it; none per visit.
        var audit = await db.Set<AuditEntry>().Where(a => a.EntityType == nameof(Ingest) || a.EntityType == "Visit").ToListAsync(Ct);
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal((nameof(Ingest), "Added", TestTree.CountyCode), (a.EntityType, a.Action, a.ActorUnit)));
    }

    [Fact]
    public async Task A_later_files_new_household_past_the_room_an_earlier_file_left_is_rejected_and_its_known_ones_kept()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync(households: 2);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var first = await Ingests.SendAsync(county, campaign, Ingests.File([Ingests.Line(Village1, "H-1"), Ingests.Line(Village1, "H-2")]));
        // The organisation is full: a known household on another day still counts, a new one does not.
        var later = await Ingests.SendAsync(county, campaign,
            Ingests.File([Ingests.Line(Village1, "H-1", "2026-06-03"), Ingests.Line(Village1, "H-3")]));

        Assert.Equal(("Completed", 2L, 2L, 0L, 0L), Ingests.Counts(await Ingests.SummaryAsync(first)));
        Assert.Equal(("Completed", 2L, 1L, 0L, 1L), Ingests.Counts(await Ingests.SummaryAsync(later)));
        await using var db = app.OpenDb();
        Assert.Equal(["H-1", "H-1", "H-2"], await db.Visits.Where(v => v.CampaignId == campaign).OrderBy(v => v.HouseholdKey)
            .Select(v => v.HouseholdKey).ToListAsync(Ct));
        var rejection = await db.IngestRejections.SingleAsync(Ct);
        Assert.Equal((2L, "householdKey"), (rejection.Line, rejection.Field));
    }

    [Fact]
    public async Task A_visit_twice_in_a_batch_counts_once_and_every_line_of_a_household_past_the_room_is_rejected_whichever_batch_it_is_in()
    {
        // Batches of four lines: the first finds the organisations without a visit (copied straight into visits), the
        // second finds 东1村 with visits (merged).
        await using var app = await SurveysApp.StartAsync(ingestBatchLines: 4);
        var campaign = await app.CampaignAsync(households: 2);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var file = Ingests.File([
            Ingests.Line(Village1, "H-1"), Ingests.Line(Village1, "H-1"), Ingests.Line(Village1, "H-2"), Ingests.Line(Village1, "H-3"),
            Ingests.Line(Village1, "H-3"), Ingests.Line(Village1, "H-3"), Ingests.Line(Village1, "H-1", "2026-06-03"), Ingests.Line(Village2, "H-9"),
        ]);

        var sent = await Ingests.SendAsync(county, campaign, file);

        // Accepted: lines 1, 3, 7 and 8; line 2 repeats line 1; 东1村 is full after H-1 and H-2, so H-3 is refused on lines 4, 5 and
        // 6 (which repeats line 5: a line of a refused household is refused, not a duplicate).
        Assert.Equal(("Completed", 8L, 4L, 1L, 3L), Ingests.Counts(await Ingests.SummaryAsync(sent)));
        await using var db = app.OpenDb();
        Assert.Equal([(Village1, "H-1"), (Village1, "H-1"), (Village1, "H-2"), (Village2, "H-9")],
            (await db.Visits.Join(db.CampaignOrganizations.Where(o => o.CampaignId == campaign), v => v.OrganizationId, o => o.OrganizationId,
                (v, o) => new { o.OrganizationCode, v.HouseholdKey }).ToListAsync(Ct)).Select(v => (v.OrganizationCode, v.HouseholdKey)).Order());
        Assert.Equal([(4L, "householdKey"), (5L, "householdKey"), (6L, "householdKey")],
            (await db.IngestRejections.OrderBy(r => r.Line).ToListAsync(Ct)).Select(r => (r.Line, r.Field)));
        // Figures recounted once at the end: one event per organisation, with its final figure.
        var published = (await app.PublishedAsync<OrganizationVisitFiguresChanged>()).Where(e => e.VisitedHouseholds > 0).ToList();
        Assert.Equal([(Village1, 2), (Village2, 1)], published.Select(e => (e.OrganizationCode, e.VisitedHouseholds)).Order());
    }

    [Fact]
    public async Task Bad_lines_are_rejected_with_line_field_and_reason_the_good_kept_and_the_rejected_downloadable()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync(households: 2);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        string[] lines =
        [
            Ingests.Line(Village1, "H-1"),
            "{\"organizationCode\": \"" + Village1 + "\", \"householdKey\": ",
            Ingests.Line("610599001201", "H-2"),
            Ingests.Line(OtherCountyVillage, "H-3"),
            Ingests.Line(Village1, "H-4", "2026-09-01"),
            Ingests.Line(Village1, "H-5", visitor: ""),
            Ingests.Line(Village1, new string('K', 65)),
            Ingests.Line(Village1, "H-6\u0007"),
            Ingests.Line(Village1, "H-7"),
            Ingests.Line(Village1, "H-8"), // a third household of an organisation that has two
            "",
            Ingests.Line(Village2, "H-9"),
        ];

        var response = await Ingests.SendAsync(county, campaign, Ingests.File(lines));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var summary = await Ingests.SummaryAsync(response);
        Assert.Equal(("Completed", 11L, 3L, 0L, 8L), Ingests.Counts(summary));
        var id = summary.GetProperty("id").GetString();
        var rejections = await county.GetFromJsonAsync<JsonElement>($"/api/surveys/campaigns/{campaign}/ingests/{id}/rejections", Ct);
        var found = rejections.GetProperty("items").EnumerateArray()
            .Select(r => (r.GetProperty("line").GetInt64(), r.GetProperty("field").GetString(), r.GetProperty("reason").GetString()!)).ToList();
        Assert.Equal([(2L, "line"), (3, "organizationCode"), (4, "organizationCode"), (5, "visitedOn"), (6, "visitor"), (7, "householdKey"), (8, "householdKey"), (10, "householdKey")],
            found.Select(r => (r.Item1, r.Item2)));
        Assert.Contains("not valid JSON", found[0].Item3);
        Assert.Contains("outside your administrative unit", found[2].Item3);
        Assert.Contains("2026-09-01", found[3].Item3);
        Assert.Contains("control character", found[6].Item3);
        Assert.Contains("All 2 households", found[7].Item3);
        var download = await county.GetAsync($"/api/surveys/campaigns/{campaign}/ingests/{id}/rejected-lines", Ct);
        Assert.Equal(Ingests.Ndjson, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Ingests.File(new[] { 1, 2, 3, 4, 5, 6, 7, 9 }.Select(i => lines[i])), await download.Content.ReadAsStringAsync(Ct));
        await using var db = app.OpenDb();
        Assert.Equal(["H-1", "H-7", "H-9"], await db.Visits.OrderBy(v => v.HouseholdKey).Select(v => v.HouseholdKey).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_GB18030_csv_file_is_read_in_its_charset()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = $"organizationCode,householdKey,householdName,visitedOn,visitor,said\r\n{Village1},H-1,王建国,2026-06-02,李干部,\"希望修通村道，再建个广场\"\r\n{Village1},H-2,张秀英,2026-06-02,李干部,\r\n{Village1},,张秀英,2026-06-02,李干部,\r\n";

        var response = await Ingests.SendAsync(county, campaign, Ingests.Content(Encoding.GetEncoding("GB18030").GetBytes(csv), "text/csv; charset=gb18030"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var summary = await Ingests.SummaryAsync(response);
        Assert.Equal(("Completed", 3L, 2L, 0L, 1L), Ingests.Counts(summary));
        await using var db = app.OpenDb();
        var visit = await db.Visits.SingleAsync(v => v.HouseholdKey == "H-1", Ct);
        Assert.Equal(("王建国", "李干部", "希望修通村道，再建个广场"), (visit.HouseholdName, visit.Visitor, visit.Said));
        // The rejected line downloads under its header, to be fixed and sent again.
        var download = await county.GetStringAsync($"/api/surveys/campaigns/{campaign}/ingests/{summary.GetProperty("id").GetString()}/rejected-lines", Ct);
        Assert.Equal($"organizationCode,householdKey,householdName,visitedOn,visitor,said\n{Village1},,张秀英,2026-06-02,李干部,\n", download);
    }

    [Fact]
    public async Task An_empty_body_a_wrong_encoding_a_wholly_bad_file_and_an_unknown_format_are_refused_whole_and_write_nothing()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        byte[] notUtf8 = [.. Encoding.UTF8.GetBytes(Ingests.Line(Village1, "H-1") + "\n"), 0xFF, 0xFE, 0x80, (byte)'\n'];

        var empty = await Ingests.SendAsync(county, campaign, "");
        var wrongEncoding = await Ingests.SendAsync(county, campaign, Ingests.Content(notUtf8, "application/x-ndjson; charset=utf-8"));
        var whollyBad = await Ingests.SendAsync(county, campaign, "not json\n");
        var csvWithoutColumn = await Ingests.SendAsync(county, campaign, "organizationCode,householdKey,visitedOn\n", "text/csv");
        var unknownFormat = await Ingests.SendAsync(county, campaign, Ingests.Line(Village1, "H-1"), "text/plain");
        var unknownCharset = await Ingests.SendAsync(county, campaign, Ingests.Content([], "application/x-ndjson; charset=big5"));

        await AssertProblemAsync(empty, HttpStatusCode.BadRequest, "body");
        await AssertProblemAsync(wrongEncoding, HttpStatusCode.BadRequest, "body");
        await AssertProblemAsync(whollyBad, HttpStatusCode.BadRequest, "lines[1].line");
        await AssertProblemAsync(csvWithoutColumn, HttpStatusCode.BadRequest, "header");
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, HttpStatusCode.UnsupportedMediaType), (unknownFormat.StatusCode, unknownCharset.StatusCode));
        await using var db = app.OpenDb();
        Assert.Equal((0, 0), (await db.Ingests.CountAsync(Ct), await db.Visits.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_body_past_the_ingest_limit_is_413_and_writes_nothing()
    {
        await using var app = await SurveysApp.StartAsync(ingestMaxBodyBytes: 300);
        var campaign = await app.CampaignAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);

        var response = await Ingests.SendAsync(county, campaign, Ingests.File(Enumerable.Range(1, 3).Select(i => Ingests.Line(Village1, $"H-{i}"))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 300 bytes", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        await using var db = app.OpenDb();
        Assert.Equal((0, 0), (await db.Ingests.CountAsync(Ct), await db.Visits.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_upload_cut_off_midway_keeps_its_batches_ends_Interrupted_and_a_resend_completes_it()
    {
        await using var app = await SurveysApp.StartAsync(ingestBatchLines: 4);
        var campaign = await app.CampaignAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var lines = Enumerable.Range(1, 20).Select(i => Ingests.Line(i % 2 == 0 ? Village1 : Village2, $"H-{i}")).ToList();
        var file = Encoding.UTF8.GetBytes(Ingests.File(lines));
        var cut = Encoding.UTF8.GetBytes(Ingests.File(lines.Take(10))).Length;

        // The sender goes away once the service has committed two batches of what it sent (the test server drops a
        // request whose body fails at once, before the service reads it).
        var content = new StreamContent(new BreakingStream(file, cut, () => Eventually.TrueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.Ingests.AnyAsync(i => i.LinesRead >= 8, Ct);
        }, TimeSpan.FromSeconds(30))));
        content.Headers.ContentType = new("application/x-ndjson");
        // Straight to the test server: the factory's client buffers a request body whole (to resend it on a redirect).
        var streaming = app.Server.CreateClient();
        streaming.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For(PlatformRoles.CountyOperator, TestTree.CountyCode));
        await Assert.ThrowsAnyAsync<Exception>(async () => (await Ingests.SendAsync(streaming, campaign, content)).EnsureSuccessStatusCode());

        await using (var db = app.OpenDb())
        {
            var interrupted = await Eventually.ValueAsync(
                () => db.Ingests.AsNoTracking().FirstOrDefaultAsync(i => i.Status != IngestStatus.Running, Ct), TimeSpan.FromSeconds(30));
            Assert.Equal((IngestStatus.Interrupted, 10L, 10L, 10L), (interrupted.Status, interrupted.LastLine, interrupted.LinesRead, interrupted.Accepted));
            Assert.Equal(10, await db.Visits.CountAsync(Ct));
            Assert.Equal(10, await db.CampaignOrganizations.SumAsync(o => o.VisitedHouseholds, Ct));
        }

        var resent = await Ingests.SendAsync(county, campaign, Ingests.File(lines));

        Assert.Equal(("Completed", 20L, 10L, 10L, 0L), Ingests.Counts(await Ingests.SummaryAsync(resent)));
        await using var after = app.OpenDb();
        Assert.Equal(20, await after.Visits.CountAsync(Ct));
        Assert.Equal(20, await after.CampaignOrganizations.SumAsync(o => o.VisitedHouseholds, Ct));
    }

    [Fact]
    public async Task An_ingest_its_service_abandoned_mid_upload_is_ended_Interrupted_by_the_sweep_and_its_organisations_recounted()
    {
        await using var app = await SurveysApp.StartAsync(ingestBatchLines: 4);
        var campaign = await app.CampaignAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var sent = await Ingests.SummaryAsync(await Ingests.SendAsync(county, campaign,
            Ingests.File(Enumerable.Range(1, 10).Select(i => Ingests.Line(i % 2 == 0 ? Village1 : Village2, $"H-{i}")))));
        var id = sent.GetProperty("id").GetGuid();
        // What a service that stopped after committing the batches leaves: the ingest Running, the figures as before it.
        await using (var db = app.OpenDb())
        {
            await db.Ingests.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, IngestStatus.Running).SetProperty(i => i.EndedAt, (DateTimeOffset?)null), Ct);
            await db.CampaignOrganizations.Where(o => o.CampaignId == campaign).ExecuteUpdateAsync(s => s.SetProperty(o => o.VisitedHouseholds, 0), Ct);
        }

        var publishedBefore = (await app.PublishedAsync<OrganizationVisitFiguresChanged>()).Count;
        var abandonedAfter = app.Services.GetRequiredService<IOptions<IngestOptions>>().Value.AbandonedAfter;

        app.Time.Advance(abandonedAfter - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await SweepAsync(app));
        app.Time.Advance(TimeSpan.FromMinutes(2));
        // The service's own watch may sweep at the same moment (the clock moved past its interval): one of them ends it, once.
        await SweepAsync(app);
        Assert.Equal(0, await SweepAsync(app));

        var ended = await (await county.GetAsync($"/api/surveys/campaigns/{campaign}/ingests/{id}", Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("Interrupted", 10L, 10L, 10L), (ended.GetProperty("status").GetString(), ended.GetProperty("lastLine").GetInt64(),
            ended.GetProperty("linesRead").GetInt64(), ended.GetProperty("accepted").GetInt64()));
        Assert.Contains("after line 10", ended.GetProperty("failure").GetString());
        Assert.Equal(app.Time.GetUtcNow(), ended.GetProperty("endedAt").GetDateTimeOffset());
        await using var after = app.OpenDb();
        var figures = await after.CampaignOrganizations.Where(o => o.CampaignId == campaign && o.VisitedHouseholds > 0)
            .OrderBy(o => o.OrganizationCode).Select(o => new { o.OrganizationCode, o.VisitedHouseholds }).ToListAsync(Ct);
        Assert.Equal([(Village1, 5), (Village2, 5)], figures.Select(f => (f.OrganizationCode, f.VisitedHouseholds)));
        var published = (await app.PublishedAsync<OrganizationVisitFiguresChanged>()).Skip(publishedBefore).ToList();
        Assert.Equal([(Village1, 5), (Village2, 5)], published.OrderBy(e => e.OrganizationCode).Select(e => (e.OrganizationCode, e.VisitedHouseholds)));
    }

    private static async Task<int> SweepAsync(SurveysApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AbandonedIngestSweep>().RunAsync(Ct);
    }

    [Fact]
    public async Task Two_ingests_of_one_county_at_once_both_complete_and_every_figure_is_right()
    {
        await using var app = await SurveysApp.StartAsync(ingestBatchLines: 7);
        var campaign = await app.CampaignAsync(households: 1000);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        string[] villages = [Village1, Village2, TestTree.VillageCode(TestTree.SecondTownshipCode, 1)];
        // Overlapping halves: households 0-59 and 30-89 of each village.
        string FileOf(int from) => Ingests.File(Enumerable.Range(from, 60).SelectMany(i => villages.Select(v => Ingests.Line(v, $"H-{i}"))));

        var both = await Task.WhenAll(Ingests.SendAsync(county, campaign, FileOf(0)), Ingests.SendAsync(county, campaign, FileOf(30)));

        var summaries = await Task.WhenAll(both.Select(Ingests.SummaryAsync));
        Assert.All(summaries, s => Assert.Equal(("Completed", 180L, 0L), (Ingests.Counts(s).Status, Ingests.Counts(s).Read, Ingests.Counts(s).Rejected)));
        Assert.Equal((270L, 90L), (summaries.Sum(s => Ingests.Counts(s).Accepted), summaries.Sum(s => Ingests.Counts(s).Duplicates)));
        await using var db = app.OpenDb();
        Assert.Equal(270, await db.Visits.CountAsync(Ct));
        var visited = await db.CampaignOrganizations.Where(o => villages.Contains(o.OrganizationCode)).Select(o => o.VisitedHouseholds).ToListAsync(Ct);
        Assert.Equal([90, 90, 90], visited);
        // Whatever order the two ended in, the last event of each organisation carries its final figure.
        var last = (await app.PublishedAsync<OrganizationVisitFiguresChanged>()).GroupBy(e => e.OrganizationCode).Where(g => villages.Contains(g.Key))
            .Select(g => g.MaxBy(e => e.Version)!.VisitedHouseholds);
        Assert.Equal([90, 90, 90], last);
    }

    [Fact]
    public async Task Another_countys_organisations_are_rejected_per_line_and_its_campaign_and_ingests_are_not_found()
    {
        await using var app = await SurveysApp.StartAsync();
        var city = await app.CampaignAsync();
        var otherCountys = await app.CampaignAsync(unitCode: TestTree.OtherCountyCode, name: "华州区入户走访");
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var other = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode);

        var mine = await Ingests.SendAsync(county, city, Ingests.File([Ingests.Line(Village1, "H-1"), Ingests.Line(OtherCountyVillage, "H-2")]));
        var theirCampaign = await Ingests.SendAsync(county, otherCountys, Ingests.File([Ingests.Line(OtherCountyVillage, "H-2")]));

        var summary = await Ingests.SummaryAsync(mine);
        Assert.Equal(("Completed", 2L, 1L, 0L, 1L), Ingests.Counts(summary));
        Assert.Equal(HttpStatusCode.NotFound, theirCampaign.StatusCode);
        var id = summary.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/surveys/campaigns/{city}/ingests/{id}", Ct)).StatusCode);
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>($"/api/surveys/campaigns/{city}/ingests", Ct)).GetProperty("totalCount").GetInt32());
        Assert.Equal(1, (await county.GetFromJsonAsync<JsonElement>($"/api/surveys/campaigns/{city}/ingests", Ct)).GetProperty("totalCount").GetInt32());
        await using var db = app.OpenDb();
        Assert.Equal(["H-1"], await db.Visits.Select(v => v.HouseholdKey).ToListAsync(Ct));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    /// <summary>A request body whose sender goes away after <c>cut</c> bytes: the read fails as a dropped connection does.</summary>
    private sealed class BreakingStream(byte[] bytes, int cut, Func<Task> beforeBreaking) : Stream
    {
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (position < cut)
            {
                var count = Math.Min(buffer.Length, cut - position);
                bytes.AsMemory(position, count).CopyTo(buffer);
                position += count;
                return count;
            }

            await beforeBreaking();
            throw new IOException("The client went away.");
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
