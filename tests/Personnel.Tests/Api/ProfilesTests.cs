using System.Net.Http.Json;
using System.Text.Json;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>
/// Village secretaries per township, county and city: counted when a secretary's or director's term begins
/// or ends, published once per change of the figures, and read with age bands on the city's year.
/// </summary>
public sealed class ProfilesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Terms_of_secretaries_and_directors_move_the_profiles_of_every_unit_above_them()
    {
        await using var app = await PersonnelApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var (first, second) = (app.Tree.Village(TestTree.TownshipCode, 1), app.Tree.Village(TestTree.TownshipCode, 2));
        var both = await People.RegisterAsync(county, first, People.SecretaryIdNumber, "一肩挑书记");
        var secretary = await People.RegisterAsync(county, second, People.MoreIdNumbers[0], "书记");
        var director = await People.RegisterAsync(county, second, People.MoreIdNumbers[1], "主任");
        await People.BeginTermAsync(county, both, first, "VillageSecretary", "2021-01-01");
        var directorTerm = await People.BeginTermAsync(county, both, first, "VillageCommitteeDirector", "2021-01-01");
        await People.BeginTermAsync(county, secretary, second, "VillageSecretary", "2021-01-01");
        await People.BeginTermAsync(county, director, second, "VillageCommitteeDirector", "2021-01-01");
        // A reserve talent is not counted: no new figures.
        await People.BeginTermAsync(county, director, first, "ReserveTalent", "2021-01-01");

        var township = await county.GetFromJsonAsync<JsonElement>($"/api/personnel/village-secretary-profiles/{app.Tree.Id(TestTree.TownshipCode)}", Ct);
        // 东镇 has three villages and a community; born 1985 and 1978, 41 and 48 in 2026.
        Assert.Equal((4, 2, 1, 25.0m), (township.GetProperty("villages").GetInt32(), township.GetProperty("secretaries").GetInt32(),
            township.GetProperty("alsoDirector").GetInt32(), township.GetProperty("alsoDirectorPercent").GetDecimal()));
        Assert.Equal([("≤35", 0), ("36–45", 1), ("46–55", 1), ("≥56", 0)],
            township.GetProperty("ageBands").EnumerateArray().Select(b => (b.GetProperty("label").GetString(), b.GetProperty("count").GetInt32())));
        Assert.Equal(2, township.GetProperty("byEducation").GetProperty("SeniorSecondary").GetInt32());
        Assert.Equal(2, township.GetProperty("bySource").GetProperty("WealthLeader").GetInt32());
        var counties = await county.GetFromJsonAsync<JsonElement>($"/api/personnel/village-secretary-profiles?unitId={app.Tree.Id(TestTree.CountyCode)}", Ct);
        Assert.Equal([("东镇", 2), ("西镇", 0)],
            counties.GetProperty("items").EnumerateArray().Select(p => (p.GetProperty("unitName").GetString(), p.GetProperty("secretaries").GetInt32())));

        await county.PostAsJsonAsync($"/api/personnel/posts/{directorTerm}/end", new { end = "2026-05-01", reason = "换届" }, Ct);

        var city = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/personnel/village-secretary-profiles/{app.Tree.Id(TestTree.CityCode)}", Ct);
        Assert.Equal((9, 2, 0), (city.GetProperty("villages").GetInt32(), city.GetProperty("secretaries").GetInt32(), city.GetProperty("alsoDirector").GetInt32()));
        var events = await app.PublishedAsync<VillageSecretaryProfileChanged>();
        var newest = events.Select(e => e.Event).GroupBy(e => e.UnitId).Select(g => g.MaxBy(e => e.Version)!).ToDictionary(e => e.UnitId);
        Assert.Equal((2, 0, 5L), (newest[app.Tree.Id(TestTree.TownshipCode)].Secretaries, newest[app.Tree.Id(TestTree.TownshipCode)].AlsoDirector,
            newest[app.Tree.Id(TestTree.TownshipCode)].Version));
        Assert.Equal(new Dictionary<int, int> { [1978] = 1, [1985] = 1 }, newest[app.Tree.Id(TestTree.CityCode)].ByBirthYear);
        Assert.All(events, e => Assert.DoesNotContain("书记", e.Payload));
    }

    [Fact]
    public async Task A_profile_outside_the_callers_unit_does_not_exist_for_it()
    {
        await using var app = await PersonnelApp.StartAsync();
        var other = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode);

        var township = await other.GetAsync($"/api/personnel/village-secretary-profiles/{app.Tree.Id(TestTree.TownshipCode)}", Ct);
        var own = await other.GetFromJsonAsync<JsonElement>($"/api/personnel/village-secretary-profiles/{app.Tree.Id(TestTree.OtherTownshipCode)}", Ct);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, township.StatusCode);
        Assert.Equal((2, 0, 0L), (own.GetProperty("villages").GetInt32(), own.GetProperty("secretaries").GetInt32(), own.GetProperty("version").GetInt64()));
    }
}
