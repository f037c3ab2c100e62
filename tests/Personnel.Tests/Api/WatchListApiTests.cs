using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>The election watch list: one open entry per village, kind and source; clearing keeps the entry; every version published.</summary>
public sealed class WatchListApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hand_flag_is_kept_with_its_reason_and_clearing_keeps_it_as_history()
    {
        await using var app = await PersonnelApp.StartAsync();
        // 00:30 on 2 June in the city is still 1 June in UTC: the flag is of the city's day.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 6, 2, 0, 30, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var village = app.Tree.Village(TestTree.TownshipCode, 1);

        var flagged = await county.PostAsJsonAsync("/api/personnel/watch-list", Flag(village, "Backward", " 班子软弱涣散 "), Ct);
        var id = await Created.IdAsync(flagged);
        var again = await county.PostAsJsonAsync("/api/personnel/watch-list", Flag(village, "Backward", "重复"), Ct);
        var otherKind = await county.PostAsJsonAsync("/api/personnel/watch-list", Flag(village, "Unstable", "信访多发"), Ct);
        app.Time.Advance(TimeSpan.FromDays(30));
        var cleared = await county.PostAsJsonAsync($"/api/personnel/watch-list/{id}/clear", new { reason = "整顿转化" }, Ct);
        var clearedAgain = await county.PostAsJsonAsync($"/api/personnel/watch-list/{id}/clear", new { reason = "再次" }, Ct);
        var flaggedAnew = await county.PostAsJsonAsync("/api/personnel/watch-list", Flag(village, "Backward", "再度后进"), Ct);

        Assert.Equal(
            (HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Created),
            (flagged.StatusCode, again.StatusCode, otherKind.StatusCode, cleared.StatusCode, clearedAgain.StatusCode, flaggedAnew.StatusCode));
        var read = await county.GetFromJsonAsync<JsonElement>($"/api/personnel/watch-list/{id}", Ct);
        Assert.Equal(("Backward", "Hand", "班子软弱涣散", "2026-06-02", "2026-07-02", "整顿转化", 2L), (
            read.GetProperty("kind").GetString(), read.GetProperty("source").GetString(), read.GetProperty("reason").GetString(),
            read.GetProperty("flaggedOn").GetString(), read.GetProperty("clearedOn").GetString(), read.GetProperty("clearReason").GetString(),
            read.GetProperty("version").GetInt64()));
        Assert.Equal(JsonValueKind.Null, read.GetProperty("factId").ValueKind);
        await using var db = app.OpenDb();
        var entries = await db.WatchList.Where(e => e.UnitId == village).OrderBy(e => e.FlaggedOn).ThenBy(e => e.Kind).ToListAsync(Ct);
        Assert.Equal(
            [(WatchListKind.Backward, false, "班子软弱涣散"), (WatchListKind.Unstable, true, "信访多发"), (WatchListKind.Backward, true, "再度后进")],
            entries.Select(e => (e.Kind, e.IsOpen, e.Reason)));
        var events = await app.PublishedAsync<WatchListEntryChanged>();
        Assert.Equal(
            [(id, 1L, (DateOnly?)null), (id, 2L, new DateOnly(2026, 7, 2))],
            events.Where(e => e.Event.EntryId == id).Select(e => (e.Event.EntryId, e.Event.Version, e.Event.ClearedOn)));
        Assert.Equal(4, events.Count);
        Assert.All(events, e => Assert.Equal((village, WatchListSource.Hand), (e.Event.UnitId, e.Event.Source)));
        var audit = await db.Set<AuditEntry>().Where(a => a.EntityType == "WatchListEntry" && a.EntityId == id.ToString()).OrderBy(a => a.OccurredAt).ToListAsync(Ct);
        Assert.Equal([("Added", TestTree.CountyCode), ("Modified", TestTree.CountyCode)], audit.Select(a => (a.Action, a.ActorUnit)));
        Assert.Contains("整顿转化", audit[1].Changes);
    }

    [Fact]
    public async Task The_list_filters_by_unit_kind_source_and_open_and_pages_newest_first()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var first = app.Tree.Village(TestTree.TownshipCode, 1);
        var second = app.Tree.Village(TestTree.TownshipCode, 2);
        var elsewhere = app.Tree.Village(TestTree.SecondTownshipCode, 1);
        var backward = await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/watch-list", Flag(first, "Backward", "后进"), Ct));
        app.Time.Advance(TimeSpan.FromDays(1));
        var complex = await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/watch-list", Flag(second, "Complex", "复杂"), Ct));
        app.Time.Advance(TimeSpan.FromDays(1));
        var candidate = await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/watch-list", Flag(elsewhere, "NoSuitableCandidate", "无人选"), Ct));
        await client.PostAsJsonAsync($"/api/personnel/watch-list/{complex}/clear", new { reason = "已化解" }, Ct);
        var surveys = await AddFromFactAsync(app, first, WatchListKind.Backward, WatchListSource.Surveys);

        Assert.Equal([candidate, complex, backward, surveys], await IdsAsync(client, "/api/personnel/watch-list"));
        Assert.Equal([complex, backward, surveys], await IdsAsync(client, $"/api/personnel/watch-list?unitId={app.Tree.Id(TestTree.TownshipCode)}"));
        Assert.Equal([backward, surveys], await IdsAsync(client, "/api/personnel/watch-list?kind=Backward"));
        Assert.Equal([surveys], await IdsAsync(client, "/api/personnel/watch-list?source=Surveys"));
        Assert.Equal([complex], await IdsAsync(client, "/api/personnel/watch-list?open=false"));
        Assert.Equal([candidate, backward, surveys], await IdsAsync(client, "/api/personnel/watch-list?open=true"));
        var page = await client.GetFromJsonAsync<JsonElement>("/api/personnel/watch-list?page=2&pageSize=3", Ct);
        Assert.Equal((4, 2), (page.GetProperty("totalCount").GetInt32(), page.GetProperty("pageNumber").GetInt32()));
        Assert.Equal([surveys], page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Only_a_village_in_service_of_the_callers_unit_is_flagged_and_nothing_else_is_written()
    {
        await using var app = await PersonnelApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var retired = await app.RetireVillageAsync(TestTree.TownshipCode, 2, app.Tree.Village(TestTree.TownshipCode, 1));

        var township = await county.PostAsJsonAsync("/api/personnel/watch-list", Flag(app.Tree.Id(TestTree.TownshipCode), "Backward", "后进"), Ct);
        var onRetired = await county.PostAsJsonAsync("/api/personnel/watch-list", Flag(retired, "Backward", "后进"), Ct);
        var otherCounty = await county.PostAsJsonAsync("/api/personnel/watch-list", Flag(app.Tree.Village(TestTree.OtherTownshipCode, 1), "Backward", "后进"), Ct);
        var noReason = await county.PostAsJsonAsync("/api/personnel/watch-list", Flag(app.Tree.Village(TestTree.TownshipCode, 1), "Backward", ""), Ct);
        var noKind = await county.PostAsJsonAsync("/api/personnel/watch-list", new { unitId = app.Tree.Village(TestTree.TownshipCode, 1), kind = "Lazy", reason = "后进" }, Ct);

        await Problems.AssertRefusedAsync(township, "unitId");
        await Problems.AssertRefusedAsync(onRetired, "unitId");
        Assert.Equal(HttpStatusCode.Forbidden, otherCounty.StatusCode);
        await Problems.AssertRefusedAsync(noReason, "reason");
        Assert.Equal(HttpStatusCode.BadRequest, noKind.StatusCode);
        await using var after = app.OpenDb();
        Assert.Equal(0, await after.WatchList.CountAsync(Ct));
        Assert.Empty(await app.PublishedAsync<WatchListEntryChanged>());
    }

    [Fact]
    public async Task An_entry_outside_the_callers_unit_does_not_exist_for_it()
    {
        await using var app = await PersonnelApp.StartAsync();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var id = await Created.IdAsync(await app.CreateClient().PostAsJsonAsync("/api/personnel/watch-list", Flag(village, "Complex", "复杂"), Ct));
        var other = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode);

        var read = await other.GetAsync($"/api/personnel/watch-list/{id}", Ct);
        var clear = await other.PostAsJsonAsync($"/api/personnel/watch-list/{id}/clear", new { reason = "越权" }, Ct);
        var byUnit = await other.GetAsync($"/api/personnel/watch-list?unitId={village}", Ct);
        var list = await other.GetFromJsonAsync<JsonElement>("/api/personnel/watch-list", Ct);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (read.StatusCode, clear.StatusCode, byUnit.StatusCode));
        Assert.Equal(0, list.GetProperty("totalCount").GetInt32());
        await using var db = app.OpenDb();
        Assert.True((await db.WatchList.SingleAsync(Ct)).IsOpen);
    }

    [Fact]
    public async Task Two_flags_of_one_village_kind_and_source_at_once_leave_one_open_entry()
    {
        await using var app = await PersonnelApp.StartAsync();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(n =>
            app.CreateClient().PostAsJsonAsync("/api/personnel/watch-list", Flag(village, "Unstable", $"不稳定{n}"), Ct)));

        Assert.Equal(
            [HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict],
            responses.Select(r => r.StatusCode).OrderBy(s => s));
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.WatchList.CountAsync(Ct));
        Assert.Single(await app.PublishedAsync<WatchListEntryChanged>());
    }

    [Fact]
    public async Task A_fact_recorded_twice_is_one_entry()
    {
        await using var app = await PersonnelApp.StartAsync();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var fact = Guid.CreateVersion7();
        await AddFromFactAsync(app, village, WatchListKind.Backward, WatchListSource.Assessments, fact);

        // A consumer that missed its own check (two deliveries at once) meets the unique index, not a second entry.
        var second = await Assert.ThrowsAsync<DbUpdateException>(() => AddFromFactAsync(app, village, WatchListKind.Backward, WatchListSource.Assessments, fact));

        Assert.Contains("ix_watch_list_entries_fact_once", second.InnerException!.Message);
    }

    internal static object Flag(Guid unitId, string kind, string reason) => new { unitId, kind, reason };

    /// <summary>An entry as the Surveys or Assessments consumer will add it, written straight into the database.</summary>
    internal static async Task<Guid> AddFromFactAsync(PersonnelApp app, Guid village, WatchListKind kind, WatchListSource source, Guid? fact = null)
    {
        await using var db = app.OpenDb();
        var entry = Personnel.WatchList.WatchListEntry.FlagFromFact(village, kind, source, fact ?? Guid.CreateVersion7(), $"{source}的事实", new DateOnly(2026, 6, 1));
        db.WatchList.Add(entry);
        await db.SaveChangesAsync(Ct);
        return entry.Id;
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string path) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(path, Ct)).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid())];
}
