using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Venues.Tests.Api;

public sealed class DeadlineApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_the_deadline_passes_each_short_county_and_township_is_published_once_even_after_a_restart()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        await app.RecordBaselineAsync(client, (1, true), (2, true), (3, false));
        await app.RecordBaselineAsync(client, TestTree.SecondTownshipCode, (1, true), (2, true), (3, true));
        await app.RecordBaselineAsync(client, TestTree.OtherTownshipCode, (1, true), (2, true));

        var before = await client.PostAsync("/api/venues/deadline/check", null, Ct);
        app.Time.SetUtcNow(new DateTimeOffset(2027, 1, 1, 0, 0, 1, TimeSpan.FromHours(8)).ToUniversalTime());
        // The watch wakes on the moved clock by itself; no request asks for the check.
        await Eventually.TrueAsync(async () => await app.OpenDb().DeadlineReckonings.AnyAsync(Ct), TimeSpan.FromSeconds(30));
        var again = await client.PostAsync("/api/venues/deadline/check", null, Ct);
        await using (var restarted = app.Restarted())
        {
            (await restarted.CreateClient().PostAsync("/api/venues/deadline/check", null, Ct)).EnsureSuccessStatusCode();
        }

        Assert.False((await before.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("passed").GetBoolean());
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("passed").GetBoolean());
        // Outbox rows of one transaction have no order among themselves.
        var facts = (await app.PublishedAsync<VenueDeadlineMissed>()).OrderBy(f => f.Level).ToList();
        Assert.Equal([("临渭区", UnitLevel.County), ("东镇", UnitLevel.Township)], facts.Select(f => (f.UnitName, f.Level)));
        Assert.All(facts, f => Assert.Equal(new DateOnly(2026, 12, 31), f.Deadline));
        Assert.Equal("截至2026年12月31日，东镇村级组织活动场所未实现全覆盖：3个村中尚有1个村无活动场所（覆盖率66.7%）。", facts[1].Reason);
        Assert.Equal(facts.Count, facts.Select(f => f.FactId).Distinct().Count());

        var county = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode).GetFromJsonAsync<JsonElement>("/api/venues/deadline", Ct);
        Assert.Equal(0, county.GetProperty("shortfalls").GetArrayLength());
    }
}
