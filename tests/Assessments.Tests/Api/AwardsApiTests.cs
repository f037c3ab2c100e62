using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Assessments.Facts;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Assessments.Tests.Api;

/// <summary>
/// The awards from the 2026 round and the other services' facts, written into Assessments' copies. The set-up (the
/// configured rule: 好 50, 较好 35, 一般 15, a venue 20, classified 好 30, 中间 15; townships 40/30/30, floor 100 %):
/// 东1 好, venue, classified 好 (100); 东2 较好, venue, classified 后进 (excluded); 东3 较差, venue (excluded); 西1 一般,
/// venue, 中间 (50); 南1 好, venue (70); the rest ungraded. 西镇 missed the venue deadline at 66.67 %; 南镇's secretary is flagged.
/// </summary>
public sealed class AwardsApiTests
{
    private const string Candidates = "/api/assessments/awards/2026/{0}/candidates";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Villages_are_scored_by_the_rule_ranked_across_the_city_and_the_excluded_come_with_every_reason()
    {
        await using var app = await AssessmentsApp.StartAsync();
        await SetUpAsync(app);

        var page = (await app.CreateClient().GetFromJsonAsync<JsonElement>(string.Format(Candidates, "Villages"), Ct)).GetProperty("candidates");

        var rows = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            [("东1村", (int?)1, 100m), ("南1村", 2, 70m), ("西1村", 3, 50m), ("东2村", null, 55m), ("东3村", null, 20m), ("西2村", null, 0m), ("西3村", null, 0m), ("南2村", null, 0m)],
            rows.Select(r => (r.GetProperty("unitName").GetString()!, Rank(r), r.GetProperty("score").GetDecimal())));
        Assert.Equal(8, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(
            [("grade", 50m), ("venue", 20m), ("class", 30m)],
            rows[0].GetProperty("parts").EnumerateArray().Select(p => (p.GetProperty("part").GetString()!, p.GetProperty("points").GetDecimal())));
        Assert.Equal(["classified Backward (后进) by Surveys"], Reasons(rows[3]));
        Assert.Equal(["graded Poor (较差) in 2026"], Reasons(rows[4]));
        Assert.Equal(["no result in the 2026 round", "no venue accepted"], Reasons(rows[5]));
    }

    [Fact]
    public async Task Townships_are_excluded_for_a_missed_venue_deadline_coverage_under_the_floor_and_a_flagged_secretary()
    {
        await using var app = await AssessmentsApp.StartAsync();
        await SetUpAsync(app);

        var rows = (await app.CreateClient().GetFromJsonAsync<JsonElement>(string.Format(Candidates, "Townships"), Ct))
            .GetProperty("candidates").GetProperty("items").EnumerateArray().ToList();

        Assert.Equal([("东镇", (int?)1, 71.67m), ("南镇", null, 50m), ("西镇", null, 20m)],
            rows.Select(r => (r.GetProperty("unitName").GetString()!, Rank(r), r.GetProperty("score").GetDecimal())));
        Assert.Empty(Reasons(rows[0]));
        Assert.Equal(["secretary flagged: 活动场所建设未按期完成"], Reasons(rows[1]));
        Assert.Equal(["venue deadline missed 2013-12-31, coverage 66.67%", "venue coverage 66.67% below the floor of 100%"], Reasons(rows[2]));
    }

    [Fact]
    public async Task A_county_sees_only_its_own_candidates_with_their_city_wide_ranks_and_cannot_confirm()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var (tree, _) = await SetUpAsync(app);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);

        var rows = (await county.GetFromJsonAsync<JsonElement>(string.Format(Candidates, "Villages") + "?eligible=true", Ct))
            .GetProperty("candidates").GetProperty("items").EnumerateArray();
        var confirm = await county.PutAsJsonAsync("/api/assessments/awards/2026/Villages", new { entries = new[] { tree.Village(TestTree.TownshipCode, 1) } }, Ct);

        Assert.Equal([("东1村", (int?)1), ("西1村", 3)], rows.Select(r => (r.GetProperty("unitName").GetString()!, Rank(r))));
        Assert.Equal(HttpStatusCode.Forbidden, confirm.StatusCode);
        await using var db = app.OpenDb();
        Assert.False(await db.AwardLists.AnyAsync(Ct));
    }

    [Fact]
    public async Task Confirming_a_list_with_ineligible_or_unknown_entries_is_refused_naming_each_and_nothing_changes()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var (tree, _) = await SetUpAsync(app);
        var city = app.CreateClient();
        var chosen = new[] { tree.Id(TestTree.TownshipCode), tree.Id(TestTree.OtherTownshipCode), tree.Id(TestTree.SecondTownshipCode), Guid.NewGuid(), tree.Id(TestTree.TownshipCode) };

        var refused = await city.PutAsJsonAsync("/api/assessments/awards/2026/Townships", new { entries = chosen }, Ct);
        var tooMany = await city.PutAsJsonAsync("/api/assessments/awards/2026/Townships", new { entries = Enumerable.Range(0, 11).Select(_ => Guid.NewGuid()) }, Ct);

        foreach (var field in new[] { "entries[1]", "entries[2]", "entries[3]", "entries[4]" })
        {
            await Problems.AssertRefusedAsync(refused, field);
        }

        var errors = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors");
        Assert.False(errors.TryGetProperty("entries[0]", out _));
        Assert.Contains("secretary flagged: 活动场所建设未按期完成", errors.GetProperty("entries[1]")[0].GetString());
        Assert.Contains("venue deadline missed 2013-12-31", errors.GetProperty("entries[2]")[0].GetString());
        await Problems.AssertRefusedAsync(tooMany, "entries");
        await using var db = app.OpenDb();
        Assert.False(await db.AwardLists.AnyAsync(Ct));
        Assert.Empty(await app.PublishedAsync<AwardListConfirmed>());
    }

    [Fact]
    public async Task The_city_confirms_a_valid_list_and_again_as_a_new_version_each_published_and_audited_and_a_county_reads_its_places()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var (tree, _) = await SetUpAsync(app);
        var city = app.CreateClient();
        var path = "/api/assessments/awards/2026/Villages";
        var (east1, south1, west1) = (tree.Village(TestTree.TownshipCode, 1), tree.Village(TestTree.OtherTownshipCode, 1), tree.Village(TestTree.SecondTownshipCode, 1));

        var first = await city.PutAsJsonAsync(path, new { entries = new[] { east1, south1 } }, Ct);
        var again = await city.PutAsJsonAsync(path, new { entries = new[] { south1, east1, west1 } }, Ct);
        var other = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode).GetFromJsonAsync<JsonElement>(path, Ct);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        var published = await app.PublishedAsync<AwardListConfirmed>();
        Assert.Equal([1L, 2L], published.Select(e => e.Version));
        Assert.Equal((2026, AwardKind.Villages), (published[1].Year, published[1].Kind));
        Assert.Equal([new AwardListEntry(1, south1, null, 70m), new AwardListEntry(2, east1, null, 100m), new AwardListEntry(3, west1, null, 50m)], published[1].Entries);
        Assert.Equal([(1, "南1村")], other.GetProperty("places").EnumerateArray().Select(p => (p.GetProperty("rank").GetInt32(), p.GetProperty("unitName").GetString()!)));
        var exported = (await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode).GetStringAsync($"{path}/export", Ct))
            .TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(["名次,单位代码,单位名称,人员编号,得分", $"1,{TestTree.VillageCode(TestTree.OtherTownshipCode, 1)},南1村,,70"], exported);
        await using var db = app.OpenDb();
        var list = await db.AwardLists.SingleAsync(Ct);
        Assert.Equal(2L, list.Version);
        Assert.Equal([south1, east1, west1], list.Places.OrderBy(p => p.Rank).Select(p => p.UnitId));
        Assert.Equal(2, await db.Set<AuditEntry>().CountAsync(a => a.EntityType == "AwardList", Ct));
    }

    [Fact]
    public async Task Wealth_leaders_rank_by_their_villages_score_then_party_age_and_a_non_member_is_excluded_and_refused()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var (tree, _) = await SetUpAsync(app);
        var (east1, south1) = (tree.Village(TestTree.TownshipCode, 1), tree.Village(TestTree.OtherTownshipCode, 1));
        var (younger, elder, south, nonMember) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var db = app.OpenDb())
        {
            db.WealthLeaders.AddRange(
                FactCopy<WealthLeaderChanged>.From(new(younger, 1, east1, true, new DateOnly(2010, 7, 1), AssessmentsApp.Start)),
                FactCopy<WealthLeaderChanged>.From(new(elder, 2, east1, true, new DateOnly(1995, 7, 1), AssessmentsApp.Start)),
                FactCopy<WealthLeaderChanged>.From(new(south, 1, south1, true, new DateOnly(1990, 7, 1), AssessmentsApp.Start)),
                FactCopy<WealthLeaderChanged>.From(new(nonMember, 1, east1, true, null, AssessmentsApp.Start)));
            await db.SaveChangesAsync(Ct);
        }

        var rows = (await app.CreateClient().GetFromJsonAsync<JsonElement>(string.Format(Candidates, "WealthLeaders"), Ct))
            .GetProperty("candidates").GetProperty("items").EnumerateArray().ToList();
        var refused = await app.CreateClient().PutAsJsonAsync("/api/assessments/awards/2026/WealthLeaders", new { entries = new[] { elder, nonMember } }, Ct);

        Assert.Equal([(elder, (int?)1, 100m), (younger, 2, 100m), (south, 3, 70m), (nonMember, null, 100m)],
            rows.Select(r => (r.GetProperty("personId").GetGuid(), Rank(r), r.GetProperty("score").GetDecimal())));
        Assert.Equal(["not a Party member"], Reasons(rows[3]));
        await Problems.AssertRefusedAsync(refused, "entries[1]");
    }

    private static int? Rank(JsonElement row) => row.GetProperty("rank").ValueKind == JsonValueKind.Null ? null : row.GetProperty("rank").GetInt32();

    private static List<string> Reasons(JsonElement row) => [.. row.GetProperty("exclusions").EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>The round graded and the facts copied as the class summary says.</summary>
    public static async Task<(TestTree Tree, Guid Round)> SetUpAsync(AssessmentsApp app)
    {
        var city = app.CreateClient();
        var tree = app.Tree;
        var round = await Gradings.OpenRoundAsync(city);
        foreach (var (township, n, grade) in new[]
                 {
                     (TestTree.TownshipCode, 1, "Good"), (TestTree.TownshipCode, 2, "FairlyGood"), (TestTree.TownshipCode, 3, "Poor"),
                     (TestTree.SecondTownshipCode, 1, "Average"), (TestTree.OtherTownshipCode, 1, "Good"),
                 })
        {
            await Gradings.GradedAsync(city, round, app.OrganizationId(TestTree.VillageCode(township, n)), grade);
        }

        await using var db = app.OpenDb();
        foreach (var (township, n) in new[] { (TestTree.TownshipCode, 1), (TestTree.TownshipCode, 2), (TestTree.TownshipCode, 3), (TestTree.SecondTownshipCode, 1), (TestTree.OtherTownshipCode, 1) })
        {
            db.Venues.Add(FactCopy<VenueChanged>.From(new(Guid.NewGuid(), 5, tree.Village(township, n), VenueKind.NewBuild, VenueState.Accepted,
                new DateOnly(2025, 6, 1), 200m, null, null, AssessmentsApp.Start)));
        }

        db.Venues.Add(FactCopy<VenueChanged>.From(new(Guid.NewGuid(), 2, tree.Village(TestTree.SecondTownshipCode, 2), VenueKind.NewBuild, VenueState.UnderConstruction,
            new DateOnly(2025, 6, 1), 200m, null, null, AssessmentsApp.Start)));
        foreach (var (township, n, found) in new[]
                 {
                     (TestTree.TownshipCode, 1, OrganizationClass.Good), (TestTree.TownshipCode, 2, OrganizationClass.Backward),
                     (TestTree.SecondTownshipCode, 1, OrganizationClass.Middling),
                 })
        {
            var code = TestTree.VillageCode(township, n);
            db.Classifications.Add(FactCopy<OrganizationClassified>.From(new(Guid.NewGuid(), 1, Guid.NewGuid(), app.OrganizationId(code), code,
                PartyOrganizationKind.Village, tree.Id(code), found, false, "", AssessmentsApp.Start)));
        }

        foreach (var (township, name, withVenue) in new[] { (TestTree.TownshipCode, "东镇", 3), (TestTree.SecondTownshipCode, "西镇", 2), (TestTree.OtherTownshipCode, "南镇", 2) })
        {
            var villages = township == TestTree.OtherTownshipCode ? 2 : 3;
            db.VenueCoverages.Add(FactCopy<VenueCoverageChanged>.From(new(tree.Id(township), 1, name, township, UnitLevel.Township, villages, withVenue,
                Math.Round(100m * withVenue / villages, 2), AssessmentsApp.Start)));
        }

        db.VenueDeadlineFacts.Add(VenueDeadlineFact.From(new(Guid.NewGuid(), tree.Id(TestTree.SecondTownshipCode), "西镇", TestTree.SecondTownshipCode, UnitLevel.Township,
            new DateOnly(2013, 12, 31), 3, 2, 66.67m, "截止2013年12月31日活动场所覆盖率66.67%", AssessmentsApp.Start)));
        db.EligibilityFlags.Add(FactCopy<EligibilityFlagChanged>.From(new(Guid.NewGuid(), 1, Guid.NewGuid(), Guid.NewGuid(), tree.Id(TestTree.OtherTownshipCode),
            EligibilityKind.CityAwards, EligibilitySource.Hand, null, "活动场所建设未按期完成", new DateOnly(2026, 11, 1), null, AssessmentsApp.Start)));
        // A lifted bar and a bar on promotion only do not exclude.
        db.EligibilityFlags.Add(FactCopy<EligibilityFlagChanged>.From(new(Guid.NewGuid(), 2, Guid.NewGuid(), Guid.NewGuid(), tree.Id(TestTree.TownshipCode),
            EligibilityKind.CityAwards, EligibilitySource.Hand, null, "已整改", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 1), AssessmentsApp.Start)));
        db.EligibilityFlags.Add(FactCopy<EligibilityFlagChanged>.From(new(Guid.NewGuid(), 1, Guid.NewGuid(), Guid.NewGuid(), tree.Id(TestTree.TownshipCode),
            EligibilityKind.Promotion, EligibilitySource.Hand, null, "提拔暂缓", new DateOnly(2026, 1, 1), null, AssessmentsApp.Start)));
        await db.SaveChangesAsync(Ct);
        return (tree, round);
    }
}
