using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>When units merge (撤并), the terms on the retired unit end on the merge day and their holders are listed in the successor.</summary>
public sealed class MergesTests
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_merged_village_ends_its_terms_on_the_merge_day_and_lists_the_holders_in_the_successor_once()
    {
        await using var app = await PersonnelApp.StartAsync();
        await app.WaitForBusAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var (retired, successor) = (app.Tree.Village(TestTree.TownshipCode, 1), app.Tree.Village(TestTree.TownshipCode, 2));
        var secretary = await People.RegisterAsync(county, retired, People.MoreIdNumbers[0], "被撤村书记");
        var director = await People.RegisterAsync(county, retired, People.MoreIdNumbers[1], "被撤村主任");
        var secretaryTerm = await People.BeginTermAsync(county, secretary, retired, "VillageSecretary", "2021-01-01");
        var directorTerm = await People.BeginTermAsync(county, director, retired, "VillageCommitteeDirector", "2021-01-01");
        // 22:00 UTC on 14 June is 15 June in the city: the merge day is the city's.
        var merge = new AdministrativeUnitChanged(
            retired, 2, UnitChange.Retired, "东1村", UnitKind.Village, UnitLevel.Village, TestTree.VillageCode(TestTree.TownshipCode, 1),
            app.Tree.Id(TestTree.TownshipCode), true, successor, new DateTimeOffset(2026, 6, 14, 22, 0, 0, TimeSpan.Zero));

        await app.PublishAsync(merge, Guid.NewGuid(), Ct);
        await app.PublishAsync(merge, Guid.NewGuid(), Ct);

        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.Units.AnyAsync(u => u.Id == retired && u.Retired, Ct);
        }, EventTimeout);
        await using var check = app.OpenDb();
        var ended = await check.Posts.AsNoTracking().Where(p => p.UnitId == retired).OrderBy(p => p.Kind).ToListAsync(Ct);
        Assert.All(ended, p => Assert.Equal(new DateOnly(2026, 6, 15), p.End));
        Assert.Equal([secretary, director], await check.People.Where(p => p.UnitId == successor).OrderBy(p => p.Name == "被撤村主任").Select(p => p.Id).ToListAsync(Ct));
        var listed = await county.GetFromJsonAsync<JsonElement>($"/api/personnel/repostings?unitId={successor}", Ct);
        Assert.Equal(2, listed.GetProperty("totalCount").GetInt32());
        Assert.Equal(
            [(directorTerm, "VillageCommitteeDirector", "东1村", "2026-06-15"), (secretaryTerm, "VillageSecretary", "东1村", "2026-06-15")],
            listed.GetProperty("items").EnumerateArray()
                .Select(r => (r.GetProperty("formerPostId").GetGuid(), r.GetProperty("kind").GetString(), r.GetProperty("retiredUnitName").GetString(), r.GetProperty("mergedOn").GetString()))
                .OrderBy(r => r.Item2));
        var events = await app.PublishedAsync<PostChanged>();
        Assert.Equal(2, events.Count(e => e.Event.End == new DateOnly(2026, 6, 15)));

        // Re-posted in the successor: settled, off the list.
        await People.BeginTermAsync(county, secretary, successor, "VillageSecretary", "2026-06-15");
        var open = await county.GetFromJsonAsync<JsonElement>($"/api/personnel/repostings?unitId={successor}", Ct);
        var history = await county.GetFromJsonAsync<JsonElement>($"/api/personnel/repostings?unitId={successor}&history=true", Ct);
        Assert.Equal([directorTerm], open.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("formerPostId").GetGuid()));
        Assert.Equal(2, history.GetProperty("totalCount").GetInt32());
        // The merged-away village leads no one any more; the successor's leaders show the re-posted secretary.
        var leaders = (await app.PublishedAsync<VillageLeadersChanged>()).Select(e => e.Event).GroupBy(e => e.VillageId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Version)!);
        Assert.Equal((3L, 0), (leaders[retired].Version, leaders[retired].Leaders.Count));
        Assert.Equal([secretary], leaders[successor].Leaders.Select(l => l.PersonId));
    }
}
