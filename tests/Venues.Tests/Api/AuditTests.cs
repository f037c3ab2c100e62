using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Venues.Tests.Api;

/// <summary>Who wrote, as the venue's own records and the audit trail keep it.</summary>
public sealed class AuditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_persons_writes_carry_the_person_not_the_web_page()
    {
        await using var app = await VenuesApp.StartAsync();
        var person = Guid.NewGuid();
        var page = app.CreateClientAsPerson(PlatformRoles.CountyOperator, TestTree.CountyCode, person);
        var county = app.Tree.Id(TestTree.CountyCode);
        await app.RecordBaselineAsync(page, (1, true), (2, true), (3, false));
        await app.RecordBaselineAsync(page, TestTree.SecondTownshipCode, (1, false), (2, true), (3, true));
        (await page.PostAsync($"/api/venues/baseline/counties/{county}/verification", null, Ct)).EnsureSuccessStatusCode();
        var venue = await app.PlanAsync(page, app.Tree.Village(TestTree.TownshipCode, 3));
        (await page.PostAsJsonAsync($"/api/venues/venues/{venue}/state", new { state = "UnderConstruction", on = "2026-05-30" }, Ct)).EnsureSuccessStatusCode();
        (await page.PostAsJsonAsync($"/api/venues/venues/{venue}/progress", new { on = "2026-05-31", percentComplete = 10, note = "地基" }, Ct))
            .EnsureSuccessStatusCode();

        var read = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/venues/venues/{venue}", Ct);
        Assert.Equal([person.ToString(), person.ToString()], read.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("actor").GetString()));
        Assert.Equal(person.ToString(), read.GetProperty("progress")[0].GetProperty("reporter").GetString());
        await using var db = app.OpenDb();
        Assert.Equal([person.ToString()], await db.Baselines.Select(b => b.RecordedBy).Distinct().ToListAsync(Ct));
        Assert.Equal(person.ToString(), (await db.BaselineVerifications.SingleAsync(Ct)).VerifiedBy);
        var throughPage = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/venues/audit?client={TestTokens.WebClient}&pageSize=500", Ct);
        var actors = throughPage.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("actor").GetString()).ToList();
        Assert.True(actors.Count >= 9, $"{actors.Count} entries through the web page"); // 6 baselines, the verification, the venue, its funding line
        Assert.Equal([person.ToString()], actors.Distinct());
        var asPage = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/venues/audit?actor={TestTokens.WebClient}", Ct);
        Assert.Equal(0, asPage.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Verifying_a_baseline_again_replaces_the_figures_on_record()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        var county = app.Tree.Id(TestTree.CountyCode);
        await app.RecordBaselineAsync(client, (1, true), (2, true), (3, false));
        await app.RecordBaselineAsync(client, TestTree.SecondTownshipCode, (1, false), (2, true), (3, true));
        (await client.PostAsync($"/api/venues/baseline/counties/{county}/verification", null, Ct)).EnsureSuccessStatusCode();
        var firstAt = app.Time.GetUtcNow();
        app.Time.Advance(TimeSpan.FromHours(1));
        var again = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);

        (await again.PostAsync($"/api/venues/baseline/counties/{county}/verification", null, Ct)).EnsureSuccessStatusCode();

        await using var db = app.OpenDb();
        var verification = await db.BaselineVerifications.SingleAsync(Ct);
        Assert.Equal((county, app.Time.GetUtcNow()), (verification.CountyId, verification.VerifiedAt));
        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/venues/audit?entityType=BaselineVerification&entityId={county}", Ct);
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Modified", "Added"], entries.Select(e => e.GetProperty("action").GetString()));
        var verifiedAt = entries[0].GetProperty("changes").GetProperty("VerifiedAt");
        Assert.Equal((firstAt, app.Time.GetUtcNow()), (verifiedAt.GetProperty("before").GetDateTimeOffset(), verifiedAt.GetProperty("after").GetDateTimeOffset()));
    }
}
