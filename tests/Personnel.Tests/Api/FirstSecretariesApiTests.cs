using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>First secretaries: township (or county) officials sent to villages, and the backward villages still without one.</summary>
public sealed class FirstSecretariesApiTests
{
    private const string TownshipOfficialIdNumber = "610502198001010017";
    private const string CountyOfficialIdNumber = "610502198202020027";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_first_secretary_is_a_township_or_county_official_never_one_of_the_villages_people()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var villager = await People.RegisterAsync(client, village, People.SecretaryIdNumber);
        var official = await People.RegisterAsync(client, app.Tree.Id(TestTree.TownshipCode), TownshipOfficialIdNumber);
        var countyOfficial = await People.RegisterAsync(client, app.Tree.Id(TestTree.CountyCode), CountyOfficialIdNumber);

        var fromVillage = await client.PostAsJsonAsync("/api/personnel/posts", Begin(villager, village, "2026-05-01"), Ct);
        var nothing = await app.PublishedAsync<PostChanged>();
        var fromTownship = await client.PostAsJsonAsync("/api/personnel/posts", Begin(official, village, "2026-05-01"), Ct);
        var fromCounty = await client.PostAsJsonAsync("/api/personnel/posts", Begin(countyOfficial, app.Tree.Village(TestTree.TownshipCode, 2), "2026-05-01"), Ct);

        await Problems.AssertRefusedAsync(fromVillage, "personId");
        Assert.Empty(nothing);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (fromTownship.StatusCode, fromCounty.StatusCode));
        await using var db = app.OpenDb();
        Assert.Equal([official, countyOfficial], await db.Posts.Where(p => p.Kind == PostKind.FirstSecretary).OrderBy(p => p.UnitId == village ? 0 : 1).Select(p => p.PersonId).ToListAsync(Ct));
    }

    [Fact]
    public async Task Villages_flagged_backward_from_any_source_without_a_first_secretary_are_wanted_with_their_flags()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var (first, second, third) = (app.Tree.Village(TestTree.TownshipCode, 1), app.Tree.Village(TestTree.TownshipCode, 2), app.Tree.Village(TestTree.TownshipCode, 3));
        var community = app.Tree.Id("610502001001");
        var hand = await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/watch-list", WatchListApiTests.Flag(first, "Backward", "班子软弱"), Ct));
        var surveys = await WatchListApiTests.AddFromFactAsync(app, first, WatchListKind.Backward, WatchListSource.Surveys);
        var assessed = await WatchListApiTests.AddFromFactAsync(app, second, WatchListKind.Backward, WatchListSource.Assessments);
        await client.PostAsJsonAsync("/api/personnel/watch-list", WatchListApiTests.Flag(third, "Complex", "情况复杂"), Ct);
        var cleared = await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/watch-list", WatchListApiTests.Flag(community, "Backward", "后进"), Ct));
        await client.PostAsJsonAsync($"/api/personnel/watch-list/{cleared}/clear", new { reason = "已转化" }, Ct);
        var official = await People.RegisterAsync(client, app.Tree.Id(TestTree.TownshipCode), TownshipOfficialIdNumber);
        var term = await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/posts", Begin(official, second, "2026-03-01"), Ct));

        var wanted = await client.GetFromJsonAsync<JsonElement>($"/api/personnel/first-secretaries/wanted?unitId={app.Tree.Id(TestTree.CountyCode)}", Ct);
        await client.PostAsJsonAsync($"/api/personnel/posts/{term}/end", new { end = "2026-06-01", reason = "任期届满" }, Ct);
        var afterTheTerm = await client.GetFromJsonAsync<JsonElement>("/api/personnel/first-secretaries/wanted?pageSize=1", Ct);
        var otherCounty = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode).GetFromJsonAsync<JsonElement>("/api/personnel/first-secretaries/wanted", Ct);

        Assert.Equal(1, wanted.GetProperty("totalCount").GetInt32());
        var village = wanted.GetProperty("items")[0];
        Assert.Equal((first, "东1村"), (village.GetProperty("villageId").GetGuid(), village.GetProperty("villageName").GetString()));
        Assert.Equal(
            [(hand, "Hand", "班子软弱"), (surveys, "Surveys", "Surveys的事实")],
            village.GetProperty("flags").EnumerateArray().Select(f => (f.GetProperty("entryId").GetGuid(), f.GetProperty("source").GetString(), f.GetProperty("reason").GetString()))
                .OrderBy(f => f.Item2));
        // The term ended on today, the first day out of post: the second village is wanted again, one village a page.
        Assert.Equal(2, afterTheTerm.GetProperty("totalCount").GetInt32());
        Assert.Equal([first], afterTheTerm.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("villageId").GetGuid()));
        var secondPage = await client.GetFromJsonAsync<JsonElement>("/api/personnel/first-secretaries/wanted?pageSize=1&page=2", Ct);
        Assert.Equal([(second, assessed)], secondPage.GetProperty("items").EnumerateArray()
            .Select(v => (v.GetProperty("villageId").GetGuid(), v.GetProperty("flags")[0].GetProperty("entryId").GetGuid())));
        Assert.Equal(0, otherCounty.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task First_secretaries_in_post_are_listed_with_their_village_and_home_unit()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var (first, second) = (app.Tree.Village(TestTree.TownshipCode, 1), app.Tree.Village(TestTree.SecondTownshipCode, 1));
        var official = await People.RegisterAsync(client, app.Tree.Id(TestTree.TownshipCode), TownshipOfficialIdNumber);
        var countyOfficial = await People.RegisterAsync(client, app.Tree.Id(TestTree.CountyCode), CountyOfficialIdNumber);
        var running = await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/posts", Begin(official, first, "2025-01-01"), Ct));
        var ending = await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/posts", Begin(countyOfficial, second, "2024-01-01"), Ct));
        await client.PostAsJsonAsync($"/api/personnel/posts/{ending}/end", new { end = "2026-05-31", reason = "期满" }, Ct);
        // Ending on a later day: in post until then.
        await client.PostAsJsonAsync($"/api/personnel/posts/{running}/end", new { end = "2026-12-31", reason = "期满" }, Ct);

        var all = await client.GetFromJsonAsync<JsonElement>("/api/personnel/first-secretaries", Ct);
        var inSecondTownship = await client.GetFromJsonAsync<JsonElement>($"/api/personnel/first-secretaries?unitId={app.Tree.Id(TestTree.SecondTownshipCode)}", Ct);
        var otherCounty = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode).GetFromJsonAsync<JsonElement>("/api/personnel/first-secretaries", Ct);
        var outside = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode).GetAsync($"/api/personnel/first-secretaries?unitId={first}", Ct);

        Assert.Equal(1, all.GetProperty("totalCount").GetInt32());
        var secretary = all.GetProperty("items")[0];
        Assert.Equal((running, official, "张建国", first, "东1村", app.Tree.Id(TestTree.TownshipCode), "东镇", "2025-01-01", "2026-12-31"), (
            secretary.GetProperty("postId").GetGuid(), secretary.GetProperty("personId").GetGuid(), secretary.GetProperty("name").GetString(),
            secretary.GetProperty("villageId").GetGuid(), secretary.GetProperty("villageName").GetString(),
            secretary.GetProperty("homeUnitId").GetGuid(), secretary.GetProperty("homeUnitName").GetString(), secretary.GetProperty("start").GetString(),
            secretary.GetProperty("end").GetString()));
        Assert.False(secretary.TryGetProperty("idNumber", out _));
        Assert.Equal(0, inSecondTownship.GetProperty("totalCount").GetInt32());
        Assert.Equal(0, otherCounty.GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    private static object Begin(Guid personId, Guid unitId, string start) => new { personId, unitId, kind = "FirstSecretary", start };
}
