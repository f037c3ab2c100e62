using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>
/// College-graduate village officials on the real database: hiring begins their post, terms stop at the limit
/// (任满两期不再续聘), the exit ends the post, the 七个一, attendance and reports show on the read, alerts
/// and outflow count in SQL, and every change of terms or exit is published without personal information.
/// </summary>
public sealed class GraduateOfficialsApiTests
{
    private const string Officials = "/api/personnel/graduate-officials";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hiring_begins_the_officials_post_on_the_village_and_publishes_both_without_personal_information()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var person = await GraduateOfficials.RegisterAsync(client, village, 1);

        var hired = await client.PostAsJsonAsync(Officials, GraduateOfficials.Hire(person, village), Ct);
        var again = await client.PostAsJsonAsync(Officials, GraduateOfficials.Hire(person, app.Tree.Village(TestTree.TownshipCode, 2)), Ct);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Conflict), (hired.StatusCode, again.StatusCode));
        var body = await hired.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal(("村官1", 1, "2027-07-31", 0, 7), (body.GetProperty("name").GetString(), body.GetProperty("termNumber").GetInt32(),
            body.GetProperty("termEnds").GetString(), body.GetProperty("activities").GetProperty("done").GetInt32(), body.GetProperty("activities").GetProperty("total").GetInt32()));
        await using var db = app.OpenDb();
        var official = await db.GraduateOfficials.SingleAsync(Ct);
        var post = await db.Posts.SingleAsync(Ct);
        Assert.Equal((id, person, village, post.Id), (official.Id, official.PersonId, official.UnitId, official.PostId));
        Assert.Equal([(1, new DateOnly(2024, 8, 1), new DateOnly(2027, 7, 31))], official.Terms.Select(t => (t.Number, t.Start, t.End)));
        Assert.Equal((PostKind.CollegeGraduateOfficial, person, village, new DateOnly(2024, 8, 1), (DateOnly?)null), (post.Kind, post.PersonId, post.UnitId, post.Start, post.End));
        var posts = await app.PublishedAsync<PostChanged>();
        Assert.Equal([(post.Id, 1L)], posts.Select(e => (e.Event.PostId, e.Event.Version)));
        var events = await app.PublishedAsync<GraduateOfficialChanged>();
        var (changed, payload) = Assert.Single(events);
        Assert.Equal((id, 1L, person, village, new DateOnly(2024, 8, 1), 1, new DateOnly(2027, 7, 31), (GraduateOfficialExitPath?)null, (DateOnly?)null),
            (changed.OfficialId, changed.Version, changed.PersonId, changed.UnitId, changed.HiredOn, changed.TermNumber, changed.TermEnds, changed.ExitPath, changed.ExitOn));
        Assert.DoesNotContain("村官1", payload);
        Assert.DoesNotContain(GraduateOfficials.IdNumber("610502", 1), payload);
        Assert.DoesNotContain("13812340001", payload);
        var audit = await db.Set<AuditEntry>().SingleAsync(a => a.EntityType == "GraduateOfficial", Ct);
        Assert.Equal((id.ToString(), "Added"), (audit.EntityId, audit.Action));
    }

    [Fact]
    public async Task Hiring_on_a_township_or_outside_the_callers_county_is_refused_and_nothing_is_written()
    {
        await using var app = await PersonnelApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var person = await GraduateOfficials.RegisterAsync(county, village, 1);

        var onTownship = await county.PostAsJsonAsync(Officials, GraduateOfficials.Hire(person, app.Tree.Id(TestTree.TownshipCode)), Ct);
        var outside = await county.PostAsJsonAsync(Officials, GraduateOfficials.Hire(person, app.Tree.Village(TestTree.OtherTownshipCode, 1)), Ct);
        var backwards = await county.PostAsJsonAsync(Officials, GraduateOfficials.Hire(person, village, "2024-08-01", "2024-08-01"), Ct);

        await Problems.AssertRefusedAsync(onTownship, "unitId");
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        await Problems.AssertRefusedAsync(backwards, "termEnds");
        await using var db = app.OpenDb();
        Assert.Equal((0, 0), (await db.GraduateOfficials.CountAsync(Ct), await db.Posts.CountAsync(Ct)));
        Assert.Empty(await app.PublishedAsync<PostChanged>());
    }

    [Fact]
    public async Task A_renewal_starts_the_day_after_the_term_ends_and_a_third_term_is_refused()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var id = await GraduateOfficials.HireAsync(client, app.Tree.Village(TestTree.TownshipCode, 1), 1, "2021-08-01", "2024-07-31");

        var renewed = await client.PostAsJsonAsync($"{Officials}/{id}/renewals", new { termEnds = "2027-07-31" }, Ct);
        var third = await client.PostAsJsonAsync($"{Officials}/{id}/renewals", new { termEnds = "2030-07-31" }, Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (renewed.StatusCode, third.StatusCode));
        var problem = await third.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("任满两期不再续聘", problem.GetProperty("detail").GetString());
        Assert.Contains("two terms served: no further renewal", problem.GetProperty("detail").GetString());
        var read = await client.GetFromJsonAsync<JsonElement>($"{Officials}/{id}", Ct);
        Assert.Equal(
            [(1, "2021-08-01", "2024-07-31"), (2, "2024-08-01", "2027-07-31")],
            read.GetProperty("terms").EnumerateArray().Select(t => (t.GetProperty("number").GetInt32(), t.GetProperty("start").GetString(), t.GetProperty("end").GetString())));
        await using var db = app.OpenDb();
        var official = await db.GraduateOfficials.SingleAsync(Ct);
        Assert.Equal((2, new DateOnly(2027, 7, 31), 2L, 2), (official.TermNumber, official.TermEnds, official.Version, official.Terms.Count));
        Assert.Equal([(1L, 1), (2L, 2)], (await app.PublishedAsync<GraduateOfficialChanged>()).Select(e => (e.Event.Version, e.Event.TermNumber)));
    }

    [Fact]
    public async Task An_exit_ends_the_post_on_its_day_and_no_renewal_or_second_exit_follows()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var id = await GraduateOfficials.HireAsync(client, app.Tree.Village(TestTree.TownshipCode, 1), 1);

        var exit = await client.PostAsJsonAsync($"{Officials}/{id}/exit", new { path = "CivilService", on = "2026-09-01", note = "考录乡镇公务员" }, Ct);
        var renewal = await client.PostAsJsonAsync($"{Officials}/{id}/renewals", new { termEnds = "2030-07-31" }, Ct);
        var second = await client.PostAsJsonAsync($"{Officials}/{id}/exit", new { path = "OwnBusiness", on = "2026-10-01" }, Ct);
        var unknownPath = await client.PostAsJsonAsync($"{Officials}/{id}/exit", new { path = "Retirement", on = "2026-10-01" }, Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Conflict), (exit.StatusCode, renewal.StatusCode, second.StatusCode));
        await Problems.AssertRefusedAsync(unknownPath, "path");
        var read = await exit.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("CivilService", "2026-09-01", "考录乡镇公务员"), (read.GetProperty("exit").GetProperty("path").GetString(),
            read.GetProperty("exit").GetProperty("on").GetString(), read.GetProperty("exit").GetProperty("note").GetString()));
        await using var db = app.OpenDb();
        var post = await db.Posts.SingleAsync(Ct);
        var official = await db.GraduateOfficials.SingleAsync(Ct);
        Assert.Equal((new DateOnly(2026, 9, 1), "Exit: CivilService: 考录乡镇公务员"), (post.End, post.EndReason));
        Assert.Equal((GraduateOfficialExitPath.CivilService, new DateOnly(2026, 9, 1), 1, 2L), (official.ExitPath, official.ExitOn, official.TermNumber, official.Version));
        Assert.Equal([(1L, (DateOnly?)null), (2L, new DateOnly(2026, 9, 1))], (await app.PublishedAsync<PostChanged>()).Select(e => (e.Event.Version, e.Event.End)));
        Assert.Equal([(1L, (GraduateOfficialExitPath?)null), (2L, GraduateOfficialExitPath.CivilService)],
            (await app.PublishedAsync<GraduateOfficialChanged>()).Select(e => (e.Event.Version, e.Event.ExitPath)));
    }

    [Fact]
    public async Task Activities_attendance_and_reports_show_on_the_read_and_bad_ones_change_nothing()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var id = await GraduateOfficials.HireAsync(client, app.Tree.Village(TestTree.TownshipCode, 1), 1);

        var visited = await client.PostAsJsonAsync($"{Officials}/{id}/activities", new { activity = "VisitHouseholds", doneOn = "2025-03-01", note = "走访312户" }, Ct);
        var report = await client.PostAsJsonAsync($"{Officials}/{id}/activities", new { activity = "ResearchReport", doneOn = "2025-06-30" }, Ct);
        var twice = await client.PostAsJsonAsync($"{Officials}/{id}/activities", new { activity = "VisitHouseholds", doneOn = "2025-04-01" }, Ct);
        var unknown = await client.PostAsJsonAsync($"{Officials}/{id}/activities", new { activity = "PlantTrees", doneOn = "2025-04-01" }, Ct);
        var ahead = await client.PostAsJsonAsync($"{Officials}/{id}/activities", new { activity = "HelpHousehold", doneOn = "2026-06-02" }, Ct);
        var may = await client.PostAsJsonAsync($"{Officials}/{id}/attendance", new { month = "2026-05", daysPresent = 20, daysRequired = 22 }, Ct);
        var mayAgain = await client.PostAsJsonAsync($"{Officials}/{id}/attendance", new { month = "2026-05", daysPresent = 21, daysRequired = 22 }, Ct);
        var tooMany = await client.PostAsJsonAsync($"{Officials}/{id}/attendance", new { month = "2026-04", daysPresent = 23, daysRequired = 22 }, Ct);
        var july = await client.PostAsJsonAsync($"{Officials}/{id}/attendance", new { month = "2026-07", daysPresent = 1, daysRequired = 22 }, Ct);
        var annual = await client.PostAsJsonAsync($"{Officials}/{id}/reports", new { reportedOn = "2025-12-20", summary = "2025年度述职", evaluation = "Excellent" }, Ct);
        var badEvaluation = await client.PostAsJsonAsync($"{Officials}/{id}/reports", new { reportedOn = "2025-12-20", summary = "x", evaluation = "Great" }, Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Conflict), (visited.StatusCode, report.StatusCode, twice.StatusCode));
        await Problems.AssertRefusedAsync(unknown, "activity");
        await Problems.AssertRefusedAsync(ahead, "doneOn");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.OK), (may.StatusCode, mayAgain.StatusCode, annual.StatusCode));
        await Problems.AssertRefusedAsync(tooMany, "daysPresent");
        await Problems.AssertRefusedAsync(july, "month");
        await Problems.AssertRefusedAsync(badEvaluation, "evaluation");
        var read = await client.GetFromJsonAsync<JsonElement>($"{Officials}/{id}", Ct);
        var activities = read.GetProperty("activities");
        Assert.Equal((2, 7), (activities.GetProperty("done").GetInt32(), activities.GetProperty("total").GetInt32()));
        Assert.Equal(
            [("VisitHouseholds", "2025-03-01"), ("ResearchReport", "2025-06-30")],
            activities.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("doneOn").ValueKind == JsonValueKind.String)
                .Select(i => (i.GetProperty("code").GetString(), i.GetProperty("doneOn").GetString())));
        Assert.Equal("走访一遍村里农户", activities.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal([("2026-05", 20, 22)], read.GetProperty("attendance").EnumerateArray()
            .Select(a => (a.GetProperty("month").GetString(), a.GetProperty("daysPresent").GetInt32(), a.GetProperty("daysRequired").GetInt32())));
        Assert.Equal([("2025年度述职", "Excellent")], read.GetProperty("reports").EnumerateArray()
            .Select(r => (r.GetProperty("summary").GetString(), r.GetProperty("evaluation").GetString())));
        await using var db = app.OpenDb();
        Assert.Equal((2, 1, 1), (await db.GraduateOfficialActivities.CountAsync(Ct), await db.GraduateOfficialAttendance.CountAsync(Ct), await db.GraduateOfficialReports.CountAsync(Ct)));
        // These records are not terms or exits: the official's version and events stay as hired.
        Assert.Single(await app.PublishedAsync<GraduateOfficialChanged>());
    }

    [Fact]
    public async Task Alerts_list_terms_ending_within_the_window_or_ended_with_no_exit_soonest_first_as_the_city_counts_days()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var soon = await GraduateOfficials.HireAsync(client, village, 1, "2023-07-01", "2026-06-30");
        var later = await GraduateOfficials.HireAsync(client, village, 2, "2024-01-01", "2026-12-31");
        var ended = await GraduateOfficials.HireAsync(client, village, 3, "2023-05-01", "2026-04-30");
        var arranged = await GraduateOfficials.HireAsync(client, village, 4, "2023-07-01", "2026-07-15");
        var elsewhere = await GraduateOfficials.HireAsync(client, app.Tree.Village(TestTree.SecondTownshipCode, 1), 5, "2023-07-01", "2026-06-20");
        Assert.True((await client.PostAsJsonAsync($"{Officials}/{arranged}/exit", new { path = "StayAsVillageCadre", on = "2026-07-16" }, Ct)).IsSuccessStatusCode);

        var alerts = await client.GetFromJsonAsync<JsonElement>($"{Officials}/alerts", Ct);
        var inTownship = await client.GetFromJsonAsync<JsonElement>($"{Officials}/alerts?unitId={app.Tree.Id(TestTree.TownshipCode)}&pageSize=1", Ct);
        // 2 October 2026, 07:30 in the city (still 1 October in UTC): the term ending on 31 December is 90 days ahead.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 10, 2, 7, 30, 0, TimeSpan.FromHours(8)));
        var autumn = await client.GetFromJsonAsync<JsonElement>($"{Officials}/alerts", Ct);

        Assert.Equal([(ended, -32), (elsewhere, 19), (soon, 29)], Items(alerts).Select(a => (a.GetProperty("officialId").GetGuid(), a.GetProperty("daysLeft").GetInt32())));
        Assert.Equal(("村官3", 2), (Items(inTownship).Single().GetProperty("name").GetString(), inTownship.GetProperty("totalCount").GetInt32()));
        Assert.Equal([ended, elsewhere, soon, later], Items(autumn).Select(a => a.GetProperty("officialId").GetGuid()));
        Assert.Equal(90, Items(autumn)[3].GetProperty("daysLeft").GetInt32());
    }

    [Fact]
    public async Task Outflow_counts_officials_serving_and_the_years_exits_by_path_per_county_of_the_callers_unit()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var (east, west, south) = (app.Tree.Village(TestTree.TownshipCode, 1), app.Tree.Village(TestTree.SecondTownshipCode, 1), app.Tree.Village(TestTree.OtherTownshipCode, 1));
        await GraduateOfficials.HireAsync(client, east, 1);
        var civil = await GraduateOfficials.HireAsync(client, east, 2);
        var business = await GraduateOfficials.HireAsync(client, west, 3);
        var lastYear = await GraduateOfficials.HireAsync(client, west, 4);
        var ahead = await GraduateOfficials.HireAsync(client, west, 5);
        var other = await GraduateOfficials.HireAsync(client, south, 6, countyPrefix: "610503");
        foreach (var (id, path, on) in new[] { (civil, "CivilService", "2026-03-01"), (business, "OwnBusiness", "2026-05-01"), (lastYear, "CivilService", "2025-09-01"), (ahead, "FurtherStudy", "2026-09-01"), (other, "CivilService", "2026-04-01") })
        {
            Assert.True((await client.PostAsJsonAsync($"{Officials}/{id}/exit", new { path, on }, Ct)).IsSuccessStatusCode);
        }

        var city = await client.GetFromJsonAsync<JsonElement>($"{Officials}/outflow?year=2026", Ct);
        var county = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode).GetFromJsonAsync<JsonElement>($"{Officials}/outflow", Ct);
        var township = await client.GetFromJsonAsync<JsonElement>($"{Officials}/outflow?unitId={app.Tree.Id(TestTree.SecondTownshipCode)}&year=2025", Ct);
        var badYear = await client.GetAsync($"{Officials}/outflow?year=99999", Ct);

        // 1 June 2026: officials 1 and 5 (leaving in September, an exit of this year) serve in 临渭区; 2 and 3 left this year, 4 last year.
        // At the end of 2025, 3 and 5 served in 西镇 and 4 had left.
        Assert.Equal([("临渭区", 2, 3, 1, 1, 1), ("华州区", 0, 1, 1, 0, 0)], city.EnumerateArray().Select(Figures));
        Assert.Equal([("临渭区", 2, 3, 1, 1, 1)], county.EnumerateArray().Select(Figures));
        Assert.Equal([("临渭区", 2, 1, 1, 0, 0)], township.EnumerateArray().Select(Figures));
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);

        static (string?, int, int, int, int, int) Figures(JsonElement row)
        {
            var byPath = row.GetProperty("exitsByPath").EnumerateArray().ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("count").GetInt32());
            return (row.GetProperty("name").GetString(), row.GetProperty("serving").GetInt32(), row.GetProperty("exits").GetInt32(),
                byPath["CivilService"], byPath["OwnBusiness"], byPath["FurtherStudy"]);
        }
    }

    [Fact]
    public async Task The_list_is_paged_and_a_county_sees_only_its_own_officials()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var first = await GraduateOfficials.HireAsync(client, app.Tree.Village(TestTree.TownshipCode, 1), 1, "2024-01-01");
        var second = await GraduateOfficials.HireAsync(client, app.Tree.Village(TestTree.TownshipCode, 1), 2, "2024-02-01");
        var other = await GraduateOfficials.HireAsync(client, app.Tree.Village(TestTree.OtherTownshipCode, 1), 3, countyPrefix: "610503");
        var countyB = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode);

        var page2 = await client.GetFromJsonAsync<JsonElement>($"{Officials}?unitId={app.Tree.Id(TestTree.CountyCode)}&page=2&pageSize=1", Ct);
        var seenByB = await countyB.GetFromJsonAsync<JsonElement>(Officials, Ct);
        var foreign = await countyB.GetAsync($"{Officials}/{first}", Ct);
        var foreignUnit = await countyB.GetAsync($"{Officials}?unitId={app.Tree.Id(TestTree.CountyCode)}", Ct);

        Assert.Equal((2, second), (page2.GetProperty("totalCount").GetInt32(), Items(page2).Single().GetProperty("id").GetGuid()));
        Assert.Equal([other], Items(seenByB).Select(o => o.GetProperty("id").GetGuid()));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (foreign.StatusCode, foreignUnit.StatusCode));
    }

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];
}
