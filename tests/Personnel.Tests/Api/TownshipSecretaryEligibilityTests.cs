using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Personnel.Consumers;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>
/// Venues' deadline fact bars the township secretary in post on the deadline day from awards and promotion,
/// once per fact however often it arrives; a township with none recorded is listed as vacant with the fact.
/// </summary>
public sealed class TownshipSecretaryEligibilityTests
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);
    private static readonly DateOnly Deadline = new(2013, 12, 31);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_missed_deadline_flags_the_secretary_in_post_that_day_once_however_often_it_arrives()
    {
        await using var app = await PersonnelApp.StartAsync();
        await app.WaitForBusAsync();
        var client = app.CreateClient();
        var township = app.Tree.Id(TestTree.TownshipCode);
        var before = await People.RegisterAsync(client, township, People.MoreIdNumbers[0], "前任书记");
        var during = await People.RegisterAsync(client, township, People.MoreIdNumbers[1], "在任书记");
        var earlier = await People.BeginTermAsync(client, before, township, "TownshipSecretary", "2008-01-01");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/personnel/posts/{earlier}/end", new { end = "2012-03-01", reason = "调任" }, Ct)).StatusCode);
        var inPost = await People.BeginTermAsync(client, during, township, "TownshipSecretary", "2012-03-01");
        var fact = Fact(app, TestTree.TownshipCode, UnitLevel.Township);

        await app.PublishAsync(fact, Guid.NewGuid(), Ct);
        await app.PublishAsync(fact, Guid.NewGuid(), Ct); // a replay: the same fact under another message id
        await app.PublishAsync(Fact(app, TestTree.CountyCode, UnitLevel.County), Guid.NewGuid(), Ct);

        await Eventually.TrueAsync(async () => await ConsumedAsync(app) == 3, EventTimeout);
        await using var db = app.OpenDb();
        var flags = await db.EligibilityFlags.AsNoTracking().OrderBy(f => f.Kind).ToListAsync(Ct);
        Assert.Equal(
            [(EligibilityKind.CityAwards, inPost, during), (EligibilityKind.Promotion, inPost, during)],
            flags.Select(f => (f.Kind, f.PostId, f.PersonId)));
        Assert.All(flags, f => Assert.Equal((EligibilitySource.VenueDeadline, (Guid?)fact.FactId, fact.Reason), (f.Source, f.FactId, f.Reason)));
        Assert.Empty(await db.TownshipVacancies.ToListAsync(Ct));
        var events = await app.PublishedAsync<EligibilityFlagChanged>();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.DoesNotContain("在任书记", e.Payload));
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/personnel/township-secretaries?unitId={app.Tree.Id(TestTree.CountyCode)}", Ct);
        var row = listed.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("unitId").GetGuid() == township);
        Assert.Equal((inPost, false, false),
            (row.GetProperty("postId").GetGuid(), row.GetProperty("eligibleForCityAwards").GetBoolean(), row.GetProperty("eligibleForPromotion").GetBoolean()));
    }

    [Fact]
    public async Task A_township_with_no_secretary_on_the_deadline_day_is_listed_vacant_with_the_fact_once()
    {
        await using var app = await PersonnelApp.StartAsync();
        await app.WaitForBusAsync();
        var client = app.CreateClient();
        var township = app.Tree.Id(TestTree.SecondTownshipCode);
        // A secretary recorded only from after the deadline was not in post on its day.
        var later = await People.RegisterAsync(client, township, People.MoreIdNumbers[2], "后任书记");
        await People.BeginTermAsync(client, later, township, "TownshipSecretary", "2014-01-01");
        var fact = Fact(app, TestTree.SecondTownshipCode, UnitLevel.Township);

        await app.PublishAsync(fact, Guid.NewGuid(), Ct);
        await app.PublishAsync(fact, Guid.NewGuid(), Ct);

        await Eventually.TrueAsync(async () => await ConsumedAsync(app) == 2, EventTimeout);
        var vacancies = await client.GetFromJsonAsync<JsonElement>("/api/personnel/township-vacancies", Ct);
        var vacancy = Assert.Single(vacancies.GetProperty("items").EnumerateArray());
        Assert.Equal((fact.FactId, township, "2013-12-31", fact.Reason),
            (vacancy.GetProperty("factId").GetGuid(), vacancy.GetProperty("unitId").GetGuid(), vacancy.GetProperty("vacantOn").GetString(), vacancy.GetProperty("reason").GetString()));
        await using var db = app.OpenDb();
        Assert.Empty(await db.EligibilityFlags.ToListAsync(Ct));
        // County B sees nothing of county A's vacancy.
        var other = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode);
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>("/api/personnel/township-vacancies", Ct)).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task The_city_bars_and_lifts_by_hand_with_reasons_and_a_county_may_not()
    {
        await using var app = await PersonnelApp.StartAsync();
        var city = app.CreateClient();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var township = app.Tree.Id(TestTree.TownshipCode);
        var person = await People.RegisterAsync(county, township, People.MoreIdNumbers[0], "乡镇书记");
        var post = await People.BeginTermAsync(county, person, township, "TownshipSecretary", "2021-01-01");
        var body = new { kind = "Promotion", reason = "群众反映问题查实" };

        var byCounty = await county.PostAsJsonAsync($"/api/personnel/posts/{post}/eligibility-flags", body, Ct);
        var flag = await Created.IdAsync(await city.PostAsJsonAsync($"/api/personnel/posts/{post}/eligibility-flags", body, Ct));
        var twice = await city.PostAsJsonAsync($"/api/personnel/posts/{post}/eligibility-flags", body, Ct);
        var liftByCounty = await county.PostAsJsonAsync($"/api/personnel/eligibility-flags/{flag}/lift", new { reason = "整改到位" }, Ct);
        var barred = await county.GetFromJsonAsync<JsonElement>($"/api/personnel/township-secretaries?unitId={township}", Ct);
        var lifted = await city.PostAsJsonAsync($"/api/personnel/eligibility-flags/{flag}/lift", new { reason = "整改到位" }, Ct);
        var liftedAgain = await city.PostAsJsonAsync($"/api/personnel/eligibility-flags/{flag}/lift", new { reason = "再次" }, Ct);

        Assert.Equal(
            (HttpStatusCode.Forbidden, HttpStatusCode.Conflict, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.Conflict),
            (byCounty.StatusCode, twice.StatusCode, liftByCounty.StatusCode, lifted.StatusCode, liftedAgain.StatusCode));
        var row = Assert.Single(barred.GetProperty("items").EnumerateArray());
        Assert.Equal((true, false), (row.GetProperty("eligibleForCityAwards").GetBoolean(), row.GetProperty("eligibleForPromotion").GetBoolean()));
        var standing = await county.GetFromJsonAsync<JsonElement>("/api/personnel/eligibility-flags", Ct);
        var history = await county.GetFromJsonAsync<JsonElement>("/api/personnel/eligibility-flags?history=true", Ct);
        Assert.Equal((0, 1), (standing.GetProperty("totalCount").GetInt32(), history.GetProperty("totalCount").GetInt32()));
        await using var db = app.OpenDb();
        var kept = await db.EligibilityFlags.SingleAsync(Ct);
        Assert.Equal((EligibilitySource.Hand, "群众反映问题查实", new DateOnly(2026, 6, 1), "整改到位", 2L),
            (kept.Source, kept.Reason, kept.LiftedOn!.Value, kept.LiftReason, kept.Version));
        Assert.Equal([1L, 2L], (await app.PublishedAsync<EligibilityFlagChanged>()).Select(e => e.Event.Version));
    }

    [Fact]
    public async Task Only_a_township_secretary_in_post_is_flagged()
    {
        await using var app = await PersonnelApp.StartAsync();
        var city = app.CreateClient();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var person = await People.RegisterAsync(city, village, People.MoreIdNumbers[0], "村书记");
        var post = await People.BeginTermAsync(city, person, village, "VillageSecretary", "2021-01-01");

        var refused = await city.PostAsJsonAsync($"/api/personnel/posts/{post}/eligibility-flags", new { kind = "CityAwards", reason = "测试" }, Ct);

        await Problems.AssertRefusedAsync(refused, "postId");
        await using var db = app.OpenDb();
        Assert.Empty(await db.EligibilityFlags.ToListAsync(Ct));
    }

    private static VenueDeadlineMissed Fact(PersonnelApp app, string code, UnitLevel level) => new(
        Guid.NewGuid(), app.Tree.Id(code), "单位", code, level, Deadline, 10, 7, 70.0m,
        "截至2013年12月31日，村级组织活动场所未实现全覆盖：10个村中尚有3个村无活动场所（覆盖率70.0%）。", DateTimeOffset.UtcNow);

    private static async Task<int> ConsumedAsync(PersonnelApp app)
    {
        await using var db = app.OpenDb();
        return await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM inbox_messages WHERE consumer = {VenueDeadlineMissedConsumer.Name}").SingleAsync(Ct);
    }
}
