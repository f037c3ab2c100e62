using System.Net.Http.Json;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>
/// Each village's leaders in post (secretary, committee director, first secretary), published whole when a term
/// begins or ends or a holder's details change, once per change, and without names.
/// </summary>
public sealed class VillageLeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_villages_terms_and_its_holders_details_publish_its_whole_list_of_leaders()
    {
        await using var app = await PersonnelApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var (village, quiet) = (app.Tree.Village(TestTree.TownshipCode, 1), app.Tree.Village(TestTree.TownshipCode, 2));
        var both = await People.RegisterAsync(county, village, People.SecretaryIdNumber, "一肩挑书记");
        // A first secretary is a township's official sent to the village.
        var first = await People.RegisterAsync(county, app.Tree.Id(TestTree.TownshipCode), People.MoreIdNumbers[0], "第一书记");
        var talent = await People.RegisterAsync(county, village, People.MoreIdNumbers[1], "后备干部");
        var directorTerm = await People.BeginTermAsync(county, both, village, "VillageCommitteeDirector", "2021-01-01");
        var secretaryTerm = await People.BeginTermAsync(county, both, village, "VillageSecretary", "2021-01-01");
        var firstTerm = await People.BeginTermAsync(county, first, village, "FirstSecretary", "2025-03-01");
        // A reserve talent waits for a post; it does not lead the village, so no new list.
        await People.BeginTermAsync(county, talent, village, "ReserveTalent", "2025-03-01");

        var published = (await app.PublishedAsync<VillageLeadersChanged>()).Where(e => e.Event.VillageId == village).ToList();
        Assert.Equal([1L, 2L, 3L], published.Select(e => e.Event.Version));
        Assert.Equal(
            [
                new VillageLeader(secretaryTerm, PostKind.VillageSecretary, both, new DateOnly(2021, 1, 1), 1985, "SeniorSecondary", "WealthLeader"),
                new VillageLeader(directorTerm, PostKind.VillageCommitteeDirector, both, new DateOnly(2021, 1, 1), 1985, "SeniorSecondary", "WealthLeader"),
                new VillageLeader(firstTerm, PostKind.FirstSecretary, first, new DateOnly(2025, 3, 1), 1978, "SeniorSecondary", "WealthLeader"),
            ],
            published[^1].Event.Leaders);
        Assert.All(published, e => Assert.DoesNotContain("书记", e.Payload));
        Assert.DoesNotContain(await app.PublishedAsync<VillageLeadersChanged>(), e => e.Event.VillageId == quiet);

        // The secretary's education changes: the village's list and the profiles above it follow, in the same write.
        var changed = await county.PutAsJsonAsync($"/api/personnel/people/{both}", new
        {
            name = "一肩挑书记", gender = "Male", birthDate = "1985-03-14", ethnicity = "汉族", education = "Bachelor", joinedPartyOn = "2010-07-01",
            source = "WealthLeader",
        }, Ct);
        changed.EnsureSuccessStatusCode();
        await county.PostAsJsonAsync($"/api/personnel/posts/{firstTerm}/end", new { end = "2026-05-01", reason = "任期届满" }, Ct);

        var newest = (await app.PublishedAsync<VillageLeadersChanged>()).Where(e => e.Event.VillageId == village).MaxBy(e => e.Event.Version).Event;
        Assert.Equal(5, newest.Version);
        Assert.Equal([(PostKind.VillageSecretary, "Bachelor"), (PostKind.VillageCommitteeDirector, "Bachelor")], newest.Leaders.Select(l => (l.Kind, l.Education)));
        var profile = (await app.PublishedAsync<VillageSecretaryProfileChanged>())
            .Where(e => e.Event.UnitId == app.Tree.Id(TestTree.TownshipCode)).MaxBy(e => e.Event.Version).Event;
        Assert.Equal(new Dictionary<string, int> { ["Bachelor"] = 1 }, profile.ByEducation);
    }
}
