using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>The demo staff loader (<c>DemoData:Load</c>), on demo villages that reach the tree copy after the service started.</summary>
public sealed class DemoStaffTests
{
    private static readonly KeyValuePair<string, string?> Load = new("DemoData:Load", "true");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_villages_get_a_secretary_a_director_and_reserve_talent_once_even_across_a_restart()
    {
        await using var app = await PersonnelApp.StartAsync(Load);
        var first = await AddDemoVillageAsync(app, 21, "甲村（示例）");
        var second = await AddDemoVillageAsync(app, 22, "乙村（示例）");

        var posts = await StaffedAsync(app, first, second);

        Assert.All(new[] { first, second }, village =>
        {
            var running = posts.Where(p => p.UnitId == village).ToList();
            Assert.Single(running, p => p.Kind == PostKind.VillageSecretary);
            Assert.Single(running, p => p.Kind == PostKind.VillageCommitteeDirector);
            Assert.InRange(running.Count(p => p.Kind == PostKind.ReserveTalent), 2, 3);
        });
        await using (var db = app.OpenDb())
        {
            var people = await db.People.Where(p => p.UnitId == first || p.UnitId == second).ToListAsync(Ct);
            Assert.All(people, p => Assert.EndsWith("（示例）", p.Name));
            Assert.Equal(posts.Select(p => p.PersonId).Distinct().Order(), people.Select(p => p.Id).Order());
            // The tree's own villages, not marked as made up, get nobody.
            Assert.Equal(people.Count, await db.People.CountAsync(Ct));
        }

        Assert.Equal(posts.Select(p => p.Id).Order(), (await app.PublishedAsync<PostChanged>()).Select(e => e.Event.PostId).Order());
        // The demo's secretaries count in the profiles: the township's newest names both.
        var township = (await app.PublishedAsync<VillageSecretaryProfileChanged>()).Select(e => e.Event)
            .Where(p => p.UnitId == app.Tree.Id(TestTree.TownshipCode)).MaxBy(p => p.Version);
        Assert.Equal(2, township?.Secretaries);

        await app.DisposeAsync();
        var third = await AddDemoVillageAsync(app, 23, "丙村（示例）");
        await using var again = app.Restarted();
        var afterRestart = await StaffedAsync(again, first, second, third);

        Assert.Equal(posts.Select(p => p.Id).Order(), afterRestart.Where(p => p.UnitId != third).Select(p => p.Id).Order());
    }

    private static async Task<Guid> AddDemoVillageAsync(PersonnelApp app, int n, string name)
    {
        var village = Guid.CreateVersion7();
        await using var db = app.OpenDb();
        db.Units.Add(UnitReplica.From(new AdministrativeUnitChanged(village, 1, UnitChange.Created, name, UnitKind.Village, UnitLevel.Village,
            TestTree.VillageCode(TestTree.TownshipCode, n), app.Tree.Id(TestTree.TownshipCode), false, null, DateTimeOffset.UnixEpoch)));
        await db.SaveChangesAsync(Ct);
        return village;
    }

    /// <summary>The running posts once every one of the villages has its secretary; the loader looks again each time the clock moves.</summary>
    private static async Task<List<Posts.Post>> StaffedAsync(PersonnelApp app, params Guid[] villages)
    {
        await Eventually.TrueAsync(async () =>
        {
            app.Time.Advance(TimeSpan.FromSeconds(5));
            await using var db = app.OpenDb();
            return await db.Posts.Where(p => p.Kind == PostKind.VillageSecretary && villages.Contains(p.UnitId)).CountAsync(Ct) == villages.Length;
        }, TimeSpan.FromSeconds(30));
        await using var db = app.OpenDb();
        return await db.Posts.AsNoTracking().Where(p => villages.Contains(p.UnitId)).ToListAsync(Ct);
    }
}
