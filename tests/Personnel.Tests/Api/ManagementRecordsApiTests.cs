using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;
using PartyPlatform.Personnel.Management;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>Management records of village secretaries (目标考核、绩效考核、激励表彰、过错追究): per term, append-only, audited.</summary>
public sealed class ManagementRecordsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Records_on_a_village_secretary_term_are_listed_oldest_first_and_each_is_audited()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var term = await TermAsync(client, app, "VillageSecretary");
        var path = $"/api/personnel/posts/{term}/management-records";

        var target = await client.PostAsJsonAsync(path, new { kind = "Target", periodStart = "2026-01-01", periodEnd = "2026-12-31", description = "2026年度目标责任书" }, Ct);
        var reward = await client.PostAsJsonAsync(path, new { kind = "Reward", periodStart = "2026-05-20", description = "全市优秀村党组织书记", outcome = "通报表彰" }, Ct);
        var performance = await client.PostAsJsonAsync(path, new { kind = "Performance", periodStart = "2025-01-01", periodEnd = "2025-12-31", description = "2025年度绩效考核", outcome = "优秀" }, Ct);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created], new[] { target, reward, performance }.Select(r => r.StatusCode));
        var records = await client.GetFromJsonAsync<JsonElement>(path, Ct);
        Assert.Equal(
            [("Performance", "2025-01-01", "2025-12-31", "优秀"), ("Target", "2026-01-01", "2026-12-31", null), ("Reward", "2026-05-20", "2026-05-20", "通报表彰")],
            records.EnumerateArray().Select(r => (r.GetProperty("kind").GetString(), r.GetProperty("periodStart").GetString(),
                r.GetProperty("periodEnd").GetString(), r.GetProperty("outcome").GetString())));
        await using var db = app.OpenDb();
        var stored = await db.ManagementRecords.OrderBy(r => r.PeriodStart).ToListAsync(Ct);
        Assert.Equal([ManagementRecordKind.Performance, ManagementRecordKind.Target, ManagementRecordKind.Reward], stored.Select(r => r.Kind));
        Assert.All(stored, r => Assert.Equal((term, PersonnelApp.Start), (r.PostId, r.RecordedAt)));
        var audit = await db.Set<AuditEntry>().Where(a => a.EntityType == nameof(ManagementRecord)).ToListAsync(Ct);
        Assert.Equal(stored.Select(r => r.Id.ToString()).Order(), audit.Select(a => a.EntityId).Order());
        Assert.All(audit, a => Assert.Equal("Added", a.Action));
    }

    [Fact]
    public async Task A_term_that_is_not_a_village_secretarys_takes_no_record_and_nothing_is_written()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var director = await TermAsync(client, app, "VillageCommitteeDirector");

        var refused = await client.PostAsJsonAsync($"/api/personnel/posts/{director}/management-records",
            new { kind = "Reward", periodStart = "2026-05-20", description = "表彰", outcome = "通报表彰" }, Ct);
        var missing = await client.PostAsJsonAsync($"/api/personnel/posts/{Guid.NewGuid()}/management-records",
            new { kind = "Reward", periodStart = "2026-05-20", description = "表彰", outcome = "通报表彰" }, Ct);

        await Problems.AssertRefusedAsync(refused, "postId");
        Assert.Contains("VillageCommitteeDirector", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.ManagementRecords.CountAsync(Ct));
    }

    [Fact]
    public async Task An_ended_term_takes_records_for_the_days_it_ran_only_and_no_record_is_ever_changed()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var term = await TermAsync(client, app, "VillageSecretary");
        await Created.IdAsync(await client.PostAsJsonAsync($"/api/personnel/posts/{term}/end", new { end = "2026-03-01", reason = "届中调整" }, Ct));
        var path = $"/api/personnel/posts/{term}/management-records";

        var during = await client.PostAsJsonAsync(path, new { kind = "Fault", periodStart = "2026-02-10", description = "违规发放补贴", outcome = "诫勉谈话" }, Ct);
        var after = await client.PostAsJsonAsync(path, new { kind = "Fault", periodStart = "2026-03-01", description = "离任后", outcome = "提醒谈话" }, Ct);
        var replaced = await client.PutAsJsonAsync(path, new { kind = "Fault", periodStart = "2026-02-10", description = "改写", outcome = "无" }, Ct);
        var deleted = await client.DeleteAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Created, during.StatusCode);
        await Problems.AssertRefusedAsync(after, "periodStart");
        Assert.Equal((HttpStatusCode.MethodNotAllowed, HttpStatusCode.MethodNotAllowed), (replaced.StatusCode, deleted.StatusCode));
        await using var db = app.OpenDb();
        var record = await db.ManagementRecords.SingleAsync(Ct);
        Assert.Equal(("违规发放补贴", "诫勉谈话"), (record.Description, record.Outcome));
    }

    private static async Task<Guid> TermAsync(HttpClient client, PersonnelApp app, string kind)
    {
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var person = await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/people", People.Body(village), Ct));
        return await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/posts", new { personId = person, unitId = village, kind, start = "2021-01-01" }, Ct));
    }
}
