using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Personnel.People;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>
/// Reserve talent on today (1 June 2026), target two per village: 东1村 has two candidates, 东2村 one and
/// one whose term ended, 东3村 one whose term begins next month, 东镇社区 none, 西1村 one but is retired
/// (merged), 西2村 and 西3村 none, and 华州区's 南1村 and 南2村 none.
/// </summary>
public sealed class ReserveTalentApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_shortfall_lists_villages_and_communities_in_service_with_fewer_running_candidates_than_the_target()
    {
        await using var app = await PersonnelApp.StartAsync();
        await SeedAsync(app);
        var county = app.Tree.Id(TestTree.CountyCode);

        var ofCounty = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/personnel/reserve-talent/shortfall?unitId={county}", Ct);
        var countyOperator = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode)
            .GetFromJsonAsync<JsonElement>("/api/personnel/reserve-talent/shortfall?page=2&pageSize=2", Ct);
        var ofTownship = await app.CreateClient().GetFromJsonAsync<JsonElement>(
            $"/api/personnel/reserve-talent/shortfall?unitId={app.Tree.Id(TestTree.TownshipCode)}", Ct);
        var foreign = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode)
            .GetAsync($"/api/personnel/reserve-talent/shortfall?unitId={app.Tree.Id(TestTree.OtherCountyCode)}", Ct);

        Assert.Equal([("东镇社区", 0, 2), ("东2村", 1, 1), ("东3村", 0, 2), ("西2村", 0, 2), ("西3村", 0, 2)], Shortfall(ofCounty));
        Assert.Equal(5, ofCounty.GetProperty("totalCount").GetInt32());
        Assert.Equal([("东3村", 0, 2), ("西2村", 0, 2)], Shortfall(countyOperator));
        Assert.Equal(5, countyOperator.GetProperty("totalCount").GetInt32());
        Assert.Equal([("东镇社区", 0, 2), ("东2村", 1, 1), ("东3村", 0, 2)], Shortfall(ofTownship));
        Assert.All(ofTownship.GetProperty("items").EnumerateArray(), v => Assert.Equal("东镇", v.GetProperty("townshipName").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task The_target_is_configuration()
    {
        await using var app = await PersonnelApp.StartAsync();
        await SeedAsync(app);
        await using var three = app.WithWebHostBuilder(host => host.UseSetting("Personnel:ReserveTalent:PerVillageTarget", "3"));

        var ofTownship = await three.CreateClient().GetFromJsonAsync<JsonElement>(
            $"/api/personnel/reserve-talent/shortfall?unitId={app.Tree.Id(TestTree.TownshipCode)}", Ct);

        Assert.Equal([("东镇社区", 0, 3), ("东1村", 2, 1), ("东2村", 1, 2), ("东3村", 0, 3)], Shortfall(ofTownship));
    }

    [Fact]
    public async Task The_shortfall_is_summed_per_township_or_per_county()
    {
        await using var app = await PersonnelApp.StartAsync();
        await SeedAsync(app);
        var client = app.CreateClient();

        var townships = await client.GetFromJsonAsync<JsonElement>($"/api/personnel/reserve-talent/shortfall/summary?unitId={app.Tree.Id(TestTree.CountyCode)}", Ct);
        var counties = await client.GetFromJsonAsync<JsonElement>("/api/personnel/reserve-talent/shortfall/summary?level=County", Ct);
        var perVillage = await client.GetAsync("/api/personnel/reserve-talent/shortfall/summary?level=Village", Ct);

        Assert.Equal([("东镇", 4, 3, 5), ("西镇", 2, 2, 4)], Summary(townships));
        Assert.Equal([("临渭区", 6, 5, 9), ("华州区", 2, 2, 4)], Summary(counties));
        await Problems.AssertRefusedAsync(perVillage, "level");
    }

    [Fact]
    public async Task Running_candidates_are_listed_with_their_target_village_and_courses_completed()
    {
        await using var app = await PersonnelApp.StartAsync();
        var (first, _) = await SeedAsync(app);
        var client = app.CreateClient();
        foreach (var completed in new[] { true, true, false })
        {
            await Created.IdAsync(await client.PostAsJsonAsync($"/api/personnel/people/{first}/training",
                new { course = "后备干部培训班", organiser = "区委组织部", start = "2026-04-01", end = "2026-04-03", hours = 24, completed }, Ct));
        }

        var candidates = await client.GetFromJsonAsync<JsonElement>($"/api/personnel/reserve-talent?unitId={app.Tree.Id(TestTree.TownshipCode)}", Ct);
        var ofOtherCounty = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode)
            .GetFromJsonAsync<JsonElement>("/api/personnel/reserve-talent", Ct);

        Assert.Equal(
            [("后备1", "东1村", 2), ("后备2", "东1村", 0), ("后备3", "东2村", 0)],
            candidates.GetProperty("items").EnumerateArray().Select(c =>
                (c.GetProperty("name").GetString(), c.GetProperty("villageName").GetString(), c.GetProperty("coursesCompleted").GetInt32())));
        Assert.Equal(first, candidates.GetProperty("items")[0].GetProperty("personId").GetGuid());
        Assert.Equal(3, candidates.GetProperty("totalCount").GetInt32());
        Assert.Equal(0, ofOtherCounty.GetProperty("totalCount").GetInt32());
    }

    /// <returns>The first candidate of 东1村, and the retired 西1村.</returns>
    private static async Task<(Guid FirstCandidate, Guid Retired)> SeedAsync(PersonnelApp app)
    {
        var client = app.CreateClient();
        var (east, west) = (TestTree.TownshipCode, TestTree.SecondTownshipCode);
        var first = await CandidateAsync(client, app.Tree.Village(east, 1), 1);
        await CandidateAsync(client, app.Tree.Village(east, 1), 2);
        await CandidateAsync(client, app.Tree.Village(east, 2), 3);
        await CandidateAsync(client, app.Tree.Village(east, 2), 4, start: "2025-01-01", end: "2026-06-01");
        await CandidateAsync(client, app.Tree.Village(east, 3), 5, start: "2026-07-01");
        var retired = app.Tree.Village(west, 1);
        await CandidateAsync(client, retired, 6);
        await using var db = app.OpenDb();
        await db.ApplyUnitChangesAsync([new AdministrativeUnitChanged(retired, 2, UnitChange.Retired, "西1村", UnitKind.Village, UnitLevel.Village,
            TestTree.VillageCode(west, 1), app.Tree.Id(west), true, app.Tree.Village(west, 2), DateTimeOffset.UnixEpoch)], Ct);
        await db.SaveChangesAsync(Ct);
        return (first, retired);
    }

    private static async Task<Guid> CandidateAsync(HttpClient client, Guid village, int n, string start = "2026-01-01", string? end = null)
    {
        var person = await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/people", People.Body(village, IdNumber(n), $"后备{n}", joinedPartyOn: "2020-07-01"), Ct));
        var post = await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/posts", new { personId = person, unitId = village, kind = "ReserveTalent", start }, Ct));
        if (end is not null)
        {
            await Created.IdAsync(await client.PostAsJsonAsync($"/api/personnel/posts/{post}/end", new { end, reason = "调整" }, Ct));
        }

        return person;
    }

    /// <summary>The n-th valid ID number of someone born on 1 January 1995 in 临渭区: the check character is the one that parses.</summary>
    private static string IdNumber(int n) =>
        "0123456789X".Select(c => $"61050219950101{n:D3}{c}").First(v => CitizenIdNumber.TryParse(v, out _, out _));

    private static IEnumerable<(string?, int, int)> Shortfall(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(v =>
            (v.GetProperty("name").GetString(), v.GetProperty("candidates").GetInt32(), v.GetProperty("missing").GetInt32()));

    private static IEnumerable<(string?, int, int, int)> Summary(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(u => (u.GetProperty("name").GetString(),
            u.GetProperty("villages").GetInt32(), u.GetProperty("villagesShort").GetInt32(), u.GetProperty("candidatesMissing").GetInt32()));
}
