using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Venues.Tests.Api;

/// <summary>Coverage-moving writes side by side, under different townships and counties: the published figures end exact.</summary>
public sealed class CoverageConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Parallel_baseline_writes_in_different_townships_and_counties_leave_every_figure_exact()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        var villages = new[] { (TestTree.TownshipCode, 3), (TestTree.SecondTownshipCode, 3), (TestTree.OtherTownshipCode, 2) }
            .SelectMany(t => Enumerable.Range(1, t.Item2).Select(n => (Township: t.Item1, Id: app.Tree.Village(t.Item1, n))))
            .ToList();
        var random = new Random(20261130);
        var hasVenue = villages.ToDictionary(v => v.Id, _ => false);

        for (var round = 0; round < 6; round++)
        {
            // Every village in a request of its own, all at once; about half of them change.
            var wanted = villages.ToDictionary(v => v.Id, v => round == 0 || random.Next(2) == 0 ? !hasVenue[v.Id] : hasVenue[v.Id]);
            await Task.WhenAll(villages.Select(async v =>
            {
                var response = await client.PutAsJsonAsync("/api/venues/baseline/villages",
                    new { villages = new[] { new { villageId = v.Id, hasUsableVenue = wanted[v.Id] } } }, Ct);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
            }));
            hasVenue = wanted;

            var expected = new Dictionary<string, (int, int)>
            {
                [TestTree.CityCode] = Count(villages.Select(v => v.Id)),
                [TestTree.CountyCode] = Count(villages.Where(v => v.Township != TestTree.OtherTownshipCode).Select(v => v.Id)),
                [TestTree.OtherCountyCode] = Count(villages.Where(v => v.Township == TestTree.OtherTownshipCode).Select(v => v.Id)),
            };
            foreach (var township in new[] { TestTree.TownshipCode, TestTree.SecondTownshipCode, TestTree.OtherTownshipCode })
            {
                expected[township] = Count(villages.Where(v => v.Township == township).Select(v => v.Id));
            }

            var published = (await app.PublishedAsync<VenueCoverageChanged>()).GroupBy(e => e.UnitCode!).ToDictionary(g => g.Key, g => g.ToList());
            await using var db = app.OpenDb();
            var snapshots = await db.CoverageSnapshots.AsNoTracking().ToDictionaryAsync(s => s.UnitId, Ct);
            foreach (var (code, figures) in expected)
            {
                var events = published[code];
                var latest = events.MaxBy(e => e.Version)!;
                var snapshot = snapshots[app.Tree.Id(code)];
                Assert.Equal((code, figures), (code, (latest.Villages, latest.VillagesWithVenue)));
                Assert.Equal((code, figures, latest.Version), (code, (snapshot.Villages, snapshot.VillagesWithVenue), snapshot.Version));
                // One event per version: no two writes published from the same snapshot.
                Assert.Equal(Enumerable.Range(1, events.Count).Select(n => (long)n), events.Select(e => e.Version).Order());
            }

            var shown = await client.GetFromJsonAsync<JsonElement>($"/api/venues/coverage/{app.Tree.Id(TestTree.CityCode)}", Ct);
            Assert.Equal(expected[TestTree.CityCode], (shown.GetProperty("villages").GetInt32(), shown.GetProperty("villagesWithVenue").GetInt32()));
        }

        (int, int) Count(IEnumerable<Guid> ids) => ids.Aggregate((0, 0), (sum, id) => (sum.Item1 + 1, sum.Item2 + (hasVenue[id] ? 1 : 0)));
    }
}
