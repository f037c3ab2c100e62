using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Assessments.Tests.Api;

/// <summary>How far each unit has come, what the deadline still waits for, the shortfall when it passes, and the year-on-year moves.</summary>
public sealed class ProgressApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Progress_counts_each_step_and_result_per_unit_and_a_county_sees_its_own_townships()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var round = await Gradings.OpenRoundAsync(city);
        await Gradings.GradedAsync(city, round, app.OrganizationId(TestTree.VillageCode(TestTree.TownshipCode, 1)), "Good");
        await Gradings.GradedAsync(city, round, app.OrganizationId(TestTree.VillageCode(TestTree.TownshipCode, 2)), "Poor", last: "file");
        await Gradings.GradedAsync(city, round, app.OrganizationId(TestTree.VillageCode(TestTree.SecondTownshipCode, 1)), "Average", last: "review");
        await Gradings.GradedAsync(city, round, app.OrganizationId(TestTree.VillageCode(TestTree.OtherTownshipCode, 1)), "FairlyGood", last: null);

        var whole = await city.GetFromJsonAsync<JsonElement>($"/api/assessments/rounds/{round}/progress", Ct);
        var county = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode)
            .GetFromJsonAsync<JsonElement>($"/api/assessments/rounds/{round}/progress", Ct);

        Assert.Equal((8, 4, 1, 1, 1), Counts(whole.GetProperty("unit")));
        Assert.Equal(new (string?, int)[] { ("临渭区", 6), ("华州区", 2) }, whole.GetProperty("parts").EnumerateArray().Select(p => (p.GetProperty("unitName").GetString(), p.GetProperty("organizations").GetInt32())));
        var results = whole.GetProperty("unit").GetProperty("results");
        Assert.Equal((1, 0, 0, 1), (results.GetProperty("good").GetInt32(), results.GetProperty("fairlyGood").GetInt32(), results.GetProperty("average").GetInt32(), results.GetProperty("poor").GetInt32()));
        Assert.Equal(1, whole.GetProperty("unit").GetProperty("filed").GetInt32());
        Assert.Equal(6, whole.GetProperty("unit").GetProperty("ungraded").GetInt32());
        // 1 to 31 December: 31 days, the deadline counted; the reminder starts at 30.
        Assert.Equal((31, false), (whole.GetProperty("daysLeft").GetInt32(), whole.GetProperty("deadlineNear").GetBoolean()));
        Assert.Equal("临渭区", county.GetProperty("unit").GetProperty("unitName").GetString());
        Assert.Equal(new string?[] { "东镇", "西镇" }, county.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("unitName").GetString()));
        Assert.Equal((6, 3, 0, 1, 1), Counts(county.GetProperty("unit")));

        app.Time.Advance(TimeSpan.FromDays(2));
        var later = await city.GetFromJsonAsync<JsonElement>($"/api/assessments/rounds/{round}/progress", Ct);
        Assert.Equal((29, true), (later.GetProperty("daysLeft").GetInt32(), later.GetProperty("deadlineNear").GetBoolean()));
        var ungraded = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode)
            .GetFromJsonAsync<JsonElement>($"/api/assessments/rounds/{round}/ungraded", Ct);
        Assert.Equal(
            [(TestTree.VillageCode(TestTree.OtherTownshipCode, 1), "SelfAssessed"), (TestTree.VillageCode(TestTree.OtherTownshipCode, 2), null)],
            ungraded.GetProperty("items").EnumerateArray().Select(o => (o.GetProperty("organizationCode").GetString(), o.GetProperty("step").GetString())).ToList());
    }

    [Fact]
    public async Task When_the_deadline_passes_each_countys_shortfall_becomes_a_fact_once()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var round = await Gradings.OpenRoundAsync(city);
        foreach (var n in new[] { 1, 2 })
        {
            await Gradings.GradedAsync(city, round, app.OrganizationId(TestTree.VillageCode(TestTree.OtherTownshipCode, n)), "Good");
        }

        await Gradings.GradedAsync(city, round, app.OrganizationId(TestTree.VillageCode(TestTree.TownshipCode, 1)), "Good");

        // The watch wakes on the moved clock by itself: 1 January 2027 in the city, the day after the deadline.
        app.Time.Advance(TimeSpan.FromDays(31));
        var missed = await Eventually.ValueAsync(async () => (await app.PublishedAsync<GradingDeadlineMissed>()) is [_, ..] facts ? facts : null, TimeSpan.FromSeconds(30));
        app.Time.Advance(TimeSpan.FromMinutes(5));
        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.Rounds.AnyAsync(r => r.ShortfallRecordedAt != null, Ct);
        }, TimeSpan.FromSeconds(30));

        var fact = Assert.Single(await app.PublishedAsync<GradingDeadlineMissed>());
        Assert.Equal((round, 2026, app.Tree.Id(TestTree.CountyCode), "临渭区", new DateOnly(2026, 12, 31), 6, 5),
            (fact.RoundId, fact.Year, fact.CountyId, fact.CountyName, fact.Deadline, fact.Organizations, fact.Ungraded));
        Assert.Single(missed);
    }

    [Fact]
    public async Task Results_are_compared_with_the_previous_years_up_down_same_and_new()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var lastYear = await Gradings.OpenRoundAsync(city, 2025);
        var villages = Enumerable.Range(1, 3).Select(n => app.OrganizationId(TestTree.VillageCode(TestTree.TownshipCode, n))).ToList();
        await Gradings.GradedAsync(city, lastYear, villages[0], "Average");
        await Gradings.GradedAsync(city, lastYear, villages[1], "Good");
        await Gradings.GradedAsync(city, lastYear, villages[2], "FairlyGood");
        var round = await Gradings.OpenRoundAsync(city, 2026);
        var up = await Gradings.GradedAsync(city, round, villages[0], "FairlyGood");
        await Gradings.GradedAsync(city, round, villages[1], "Poor");
        await Gradings.GradedAsync(city, round, villages[2], "FairlyGood");
        await Gradings.GradedAsync(city, round, app.OrganizationId(TestTree.VillageCode(TestTree.SecondTownshipCode, 1)), "Good");

        var changes = await city.GetFromJsonAsync<JsonElement>($"/api/assessments/rounds/{round}/grade-changes", Ct);

        Assert.Equal((1, 1, 1, 1), (changes.GetProperty("up").GetInt32(), changes.GetProperty("down").GetInt32(), changes.GetProperty("same").GetInt32(), changes.GetProperty("new").GetInt32()));
        Assert.Equal(
            [(TestTree.VillageCode(TestTree.TownshipCode, 1), "Average", "FairlyGood"), (TestTree.VillageCode(TestTree.TownshipCode, 2), "Good", "Poor")],
            changes.GetProperty("changes").GetProperty("items").EnumerateArray()
                .Select(c => (c.GetProperty("organizationCode").GetString(), c.GetProperty("previous").GetString(), c.GetProperty("grade").GetString())).ToList());
        var published = (await app.PublishedAsync<OrganizationGraded>()).Last(e => e.GradingId == up);
        Assert.Equal(Grade.Average, published.PreviousGrade);
    }

    private static (int Organizations, int NotStarted, int SelfAssessed, int TownshipReviewed, int Filed) Counts(JsonElement unit) => (
        unit.GetProperty("organizations").GetInt32(), unit.GetProperty("notStarted").GetInt32(), unit.GetProperty("selfAssessed").GetInt32(),
        unit.GetProperty("townshipReviewed").GetInt32(), unit.GetProperty("filed").GetInt32());
}
