using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Surveys.Tests.Api;

public sealed class LedgerApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string East(int n) => TestTree.VillageCode(TestTree.TownshipCode, n);

    [Fact]
    public async Task A_category_becomes_widespread_when_the_threshold_of_a_countys_organisations_raise_it_and_each_change_is_published()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var city = app.CreateClient();

        var first = await Problems.RaiseAsync(city, campaign, East(1));
        var again = await Problems.RaiseAsync(city, campaign, East(1), raisedOn: "2026-06-06");
        var second = await Problems.RaiseAsync(city, campaign, East(2));
        var otherCategory = await Problems.RaiseAsync(city, campaign, TestTree.VillageCode(TestTree.SecondTownshipCode, 1), "conduct");
        var otherCounty = await Problems.RaiseAsync(city, campaign, TestTree.VillageCode(TestTree.OtherTownshipCode, 1));
        await using (var db = app.OpenDb())
        {
            // Two organisations (the first twice) are under the threshold of three.
            Assert.All(await db.Problems.ToListAsync(Ct), p => Assert.Equal(ProblemSpread.Isolated, p.Spread));
        }

        var third = await Problems.RaiseAsync(city, campaign, TestTree.VillageCode(TestTree.SecondTownshipCode, 2));

        await using (var db = app.OpenDb())
        {
            var spread = await db.Problems.ToDictionaryAsync(p => p.Id, p => p.ComputedSpread, Ct);
            Assert.Equal([ProblemSpread.Widespread, ProblemSpread.Widespread, ProblemSpread.Widespread, ProblemSpread.Widespread],
                new[] { first, again, second, third }.Select(id => spread[id]));
            Assert.Equal((ProblemSpread.Isolated, ProblemSpread.Isolated), (spread[otherCategory], spread[otherCounty]));
        }

        var published = await app.PublishedAsync<ProblemChanged>();
        // Each raised once at version 1; the three before the third again at version 2, widespread; nothing else.
        Assert.Equal(9, published.Count);
        Assert.Equal([first, again, second],
            published.Where(e => e.Version == 2).Select(e => e.ProblemId).Order());
        Assert.All(published.Where(e => e.Version == 2 || e.ProblemId == third), e => Assert.Equal(ProblemSpread.Widespread, e.Spread));
        Assert.Equal(app.Tree.Id(TestTree.CountyCode), published.Single(e => e.ProblemId == third).CountyId);
        var widespread = await city.GetFromJsonAsync<JsonElement>($"/api/surveys/campaigns/{campaign}/problems?spread=Widespread&category=infrastructure", Ct);
        Assert.Equal(4, widespread.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Problems_raised_at_once_count_each_other()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var city = app.CreateClient();

        // Four organisations at once: each classification must see the ones committed before it, so the last sees the threshold.
        var raised = await Task.WhenAll(new[] { East(1), East(2), East(3), TestTree.VillageCode(TestTree.SecondTownshipCode, 1) }
            .Select(code => Problems.RaiseAsync(city, campaign, code)));

        await using var db = app.OpenDb();
        Assert.All(await db.Problems.ToListAsync(Ct), p => Assert.Equal(ProblemSpread.Widespread, p.ComputedSpread));
        // What a copy ends with, the last version of each, says widespread too.
        var last = (await app.PublishedAsync<ProblemChanged>()).GroupBy(e => e.ProblemId).Select(g => g.MaxBy(e => e.Version)!).ToList();
        Assert.Equal(raised.Order(), last.Select(e => e.ProblemId).Order());
        Assert.All(last, e => Assert.Equal(ProblemSpread.Widespread, e.Spread));
    }

    [Fact]
    public async Task An_override_wins_with_its_reason_and_author_and_is_audited()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var problem = await Problems.RaiseAsync(county, campaign, East(1));

        var overridden = await county.PutAsJsonAsync($"/api/surveys/problems/{problem}/spread", new { spread = "Widespread", reason = "全区山区村普遍存在" }, Ct);
        await Problems.RaiseAsync(county, campaign, East(2));

        Assert.Equal(HttpStatusCode.OK, overridden.StatusCode);
        var read = await county.GetFromJsonAsync<JsonElement>($"/api/surveys/problems/{problem}", Ct);
        Assert.Equal(("Widespread", "Isolated"), (read.GetProperty("spread").GetString(), read.GetProperty("computedSpread").GetString()));
        Assert.Equal("全区山区村普遍存在", read.GetProperty("spreadOverride").GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(read.GetProperty("spreadOverride").GetProperty("by").GetString()));
        var published = (await app.PublishedAsync<ProblemChanged>()).Where(e => e.ProblemId == problem).ToList();
        Assert.Equal([(1L, ProblemSpread.Isolated), (2L, ProblemSpread.Widespread)], published.Select(e => (e.Version, e.Spread)));
        await using var db = app.OpenDb();
        var audit = await db.Set<AuditEntry>().Where(a => a.EntityType == "Problem" && a.EntityId == problem.ToString()).OrderBy(a => a.OccurredAt).ToListAsync(Ct);
        Assert.Equal(2, audit.Count);
        Assert.Contains("全区山区村普遍存在", audit[1].Changes);
        Assert.Equal(TestTree.CountyCode, audit[1].ActorUnit);
    }

    [Fact]
    public async Task The_same_category_raised_by_an_organisation_in_a_later_campaign_is_recurring()
    {
        await using var app = await SurveysApp.StartAsync();
        var earlier = await app.CampaignAsync(name: "2026年夏季走访");
        var later = await app.CampaignAsync(name: "2026年秋季回访");
        var city = app.CreateClient();

        var first = await Problems.RaiseAsync(city, earlier, East(1), raisedOn: "2026-06-05");
        var repeated = await Problems.RaiseAsync(city, later, East(1), raisedOn: "2026-07-10");
        var otherCategory = await Problems.RaiseAsync(city, later, East(1), "welfare", "2026-07-10");
        var otherOrganization = await Problems.RaiseAsync(city, later, East(2), raisedOn: "2026-07-10");

        await using var db = app.OpenDb();
        var recurrence = await db.Problems.ToDictionaryAsync(p => p.Id, p => p.Recurrence, Ct);
        Assert.Equal(
            [ProblemRecurrence.Occasional, ProblemRecurrence.Recurring, ProblemRecurrence.Occasional, ProblemRecurrence.Occasional],
            new[] { first, repeated, otherCategory, otherOrganization }.Select(id => recurrence[id]));
        var listed = await city.GetFromJsonAsync<JsonElement>($"/api/surveys/campaigns/{later}/problems?recurrence=Recurring", Ct);
        Assert.Equal(repeated, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Bad_problems_are_refused_naming_the_field_and_nothing_is_written()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var city = app.CreateClient();

        var unknownCategory = await Problems.RaiseAsync(city, campaign, Problems.Body(East(1), category: "weather"));
        var outsideCampaign = await Problems.RaiseAsync(city, campaign, Problems.Body("610599001201"));
        var outsidePeriod = await Problems.RaiseAsync(city, campaign, Problems.Body(East(1), raisedOn: "2026-09-01"));

        await Problems.AssertRefusedAsync(unknownCategory, "category", "weather");
        await Problems.AssertRefusedAsync(outsideCampaign, "organizationCode", "610599001201");
        await Problems.AssertRefusedAsync(outsidePeriod, "raisedOn", "2026-09-01");
        await using var db = app.OpenDb();
        Assert.False(await db.Problems.AnyAsync(Ct));
        Assert.Empty(await app.PublishedAsync<ProblemChanged>());
    }

    [Fact]
    public async Task Cause_analysis_notes_are_appended_with_author_and_time()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var problem = await Problems.RaiseAsync(county, campaign, East(1));

        (await county.PostAsJsonAsync($"/api/surveys/problems/{problem}/notes", new { text = "村集体经济薄弱，无力维护" }, Ct)).EnsureSuccessStatusCode();
        app.Time.Advance(TimeSpan.FromHours(2));
        var second = await county.PostAsJsonAsync($"/api/surveys/problems/{problem}/notes", new { text = "乡镇未列入年度计划" }, Ct);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var notes = (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("notes");
        Assert.Equal(["村集体经济薄弱，无力维护", "乡镇未列入年度计划"], notes.EnumerateArray().Select(n => n.GetProperty("text").GetString()));
        Assert.Equal(TimeSpan.FromHours(2), notes[1].GetProperty("writtenAt").GetDateTimeOffset() - notes[0].GetProperty("writtenAt").GetDateTimeOffset());
        Assert.All(notes.EnumerateArray(), n => Assert.False(string.IsNullOrEmpty(n.GetProperty("author").GetString())));
    }
}
