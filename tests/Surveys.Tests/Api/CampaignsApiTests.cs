using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Surveys.Tests.Api;

/// <summary>Campaigns planned over the Party organisations of the tree copy, and their scopes following merges while they run.</summary>
public sealed class CampaignsApiTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_city_campaign_covers_every_organisation_of_the_kinds_named_and_is_published()
    {
        await using var app = await SurveysApp.StartAsync();

        var all = await app.CreateClient().PostAsJsonAsync("/api/surveys/campaigns", Plan(app.Tree.Id(TestTree.CityCode)), Ct);
        var enterprises = await app.CreateClient().PostAsJsonAsync("/api/surveys/campaigns",
            Plan(app.Tree.Id(TestTree.CityCode), kinds: ["Enterprise", "SocialOrganization"]), Ct);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (all.StatusCode, enterprises.StatusCode));
        var campaign = await all.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(11, campaign.GetProperty("organizations").GetInt32()); // nine villages and communities, an enterprise, a social organisation
        Assert.Equal(2, (await enterprises.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("organizations").GetInt32());
        var id = campaign.GetProperty("id").GetGuid();
        var organizations = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/surveys/campaigns/{id}/organizations?code={SurveysApp.EnterpriseCode}", Ct);
        var enterprise = Assert.Single(organizations.GetProperty("items").EnumerateArray());
        Assert.Equal(("Enterprise", app.Tree.Id(TestTree.TownshipCode)), (enterprise.GetProperty("kind").GetString(), enterprise.GetProperty("unitId").GetGuid()));
        var planned = Assert.Single(await app.PublishedAsync<SurveyCampaignChanged>(), e => e.CampaignId == id);
        Assert.Equal(("2026年入户走访", new DateOnly(2026, 6, 1)), (planned.Name, planned.StartsOn));
        Assert.Equal(13, (await app.PublishedAsync<OrganizationVisitFiguresChanged>()).Count);
    }

    [Fact]
    public async Task A_campaign_over_a_whole_countys_organisations_has_each_in_scope_once_and_publishes_each_for_the_dashboard()
    {
        await using var app = await SurveysApp.StartAsync();
        // A county of the demo city's size: 2,000 enterprises' Party organisations more under 南镇, one of them retired, and
        // one more under 东镇 of the other county.
        var township = app.Tree.Id(TestTree.OtherTownshipCode);
        await using (var db = app.OpenDb())
        {
            db.PartyOrganizations.AddRange(Enumerable.Range(1, 2000).Select(i => Enterprise(app, $"610503001000{(char)('A' + i / 1000)}{i % 1000:D3}", township, retired: i == 7)));
            db.PartyOrganizations.Add(Enterprise(app, "610502001000E998", app.Tree.Id(TestTree.TownshipCode), retired: false));
            await db.SaveChangesAsync(Ct);
        }

        var response = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode)
            .PostAsJsonAsync("/api/surveys/campaigns", Plan(app.Tree.Id(TestTree.OtherCountyCode)), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var campaign = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = campaign.GetProperty("id").GetGuid();
        // The county's three organisations of the test tree, and the 1,999 enterprises in service.
        Assert.Equal(2002, campaign.GetProperty("organizations").GetInt32());
        await using var after = app.OpenDb();
        var expected = await after.PartyOrganizations.Where(o => !o.Retired && o.Code.StartsWith("610503")).Select(o => o.Id).ToListAsync(Ct);
        var entries = await after.CampaignOrganizations.AsNoTracking().Where(o => o.CampaignId == id).ToListAsync(Ct);
        Assert.Equal(expected.Order(), entries.Select(e => e.OrganizationId).Order());
        Assert.All(entries, e => Assert.Equal((1L, (int?)null, 0, true), (e.Version, e.Households, e.VisitedHouseholds, e.InScope)));
        Assert.Equal(township, entries.Single(e => e.OrganizationCode == "610503001000A001").UnitId);
        // The Dashboard counts organisations and blank spots from one event per organisation, each naming its scope entry.
        var published = (await app.PublishedAsync<OrganizationVisitFiguresChanged>()).Where(e => e.CampaignId == id).ToList();
        Assert.Equal(
            entries.Select(e => (e.Id, e.OrganizationId, e.OrganizationCode, e.UnitId, 1L, (int?)null, 0, true)).Order(),
            published.Select(e => (e.ScopeEntryId, e.OrganizationId, e.OrganizationCode, e.UnitId, e.Version, e.Households, e.VisitedHouseholds, e.InScope)).Order());
        Assert.Single(await app.PublishedAsync<SurveyCampaignChanged>(), e => e.CampaignId == id);
        var audit = Assert.Single(await after.Set<AuditEntry>().Where(a => a.EntityType == "Campaign").ToListAsync(Ct));
        Assert.Equal(("Added", id.ToString(), TestTree.OtherCountyCode), (audit.Action, audit.EntityId, audit.ActorUnit));
    }

    [Fact]
    public async Task A_county_plans_its_own_campaign_and_not_the_citys_or_another_countys()
    {
        await using var app = await SurveysApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode);

        var own = await county.PostAsJsonAsync("/api/surveys/campaigns", Plan(app.Tree.Id(TestTree.OtherCountyCode)), Ct);
        var city = await county.PostAsJsonAsync("/api/surveys/campaigns", Plan(app.Tree.Id(TestTree.CityCode)), Ct);
        var village = await county.PostAsJsonAsync("/api/surveys/campaigns", Plan(app.Tree.Village(TestTree.OtherTownshipCode, 1)), Ct);
        var backwards = await county.PostAsJsonAsync("/api/surveys/campaigns", Plan(app.Tree.Id(TestTree.OtherCountyCode), endsOn: "2026-05-01"), Ct);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Forbidden, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
            (own.StatusCode, city.StatusCode, village.StatusCode, backwards.StatusCode));
        Assert.Equal(3, (await own.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("organizations").GetInt32());
        var seenByOtherCounty = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode).GetFromJsonAsync<JsonElement>("/api/surveys/campaigns", Ct);
        Assert.Equal(0, seenByOtherCounty.GetProperty("totalCount").GetInt32());
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Campaigns.CountAsync(Ct));
    }

    [Fact]
    public async Task A_running_campaigns_scope_follows_a_merge_to_the_successor_and_an_ended_one_keeps_its_scope()
    {
        await using var app = await SurveysApp.StartAsync();
        await app.WaitForBusAsync();
        var running = await app.CampaignAsync();
        var ended = await app.CampaignAsync(name: "2025年入户走访", startsOn: new DateOnly(2025, 6, 1), endsOn: new DateOnly(2025, 8, 31));
        var (merged, successor) = (TestTree.VillageCode(TestTree.TownshipCode, 3), TestTree.VillageCode(TestTree.SecondTownshipCode, 1));
        var successorUnit = app.Tree.Id(TestTree.SecondTownshipCode);
        await app.CreateClient().PostAsJsonAsync($"/api/surveys/campaigns/{running}/organizations", new { organizationCode = SurveysApp.EnterpriseCode }, Ct);

        // 东3村 merges into 西1村: its own organisation retires and names 西1村's. The enterprise of 东镇 moves to 西镇.
        await app.PublishAsync(new PartyOrganizationChanged(app.OrganizationId(merged), 2, UnitChange.Retired, "东3村党支部", merged, PartyOrganizationKind.Village,
            app.Tree.Village(TestTree.TownshipCode, 3), true, app.OrganizationId(successor), DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
        await app.PublishAsync(new PartyOrganizationChanged(app.OrganizationId(SurveysApp.EnterpriseCode), 2, UnitChange.Moved, "西镇示例食品有限公司党支部",
            SurveysApp.EnterpriseCode, PartyOrganizationKind.Enterprise, successorUnit, false, null, DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.PartyOrganizations.CountAsync(o => o.Version == 2, Ct) == 2;
        }, Timeout);

        await using var after = app.OpenDb();
        var left = await after.CampaignOrganizations.SingleAsync(o => o.CampaignId == running && o.OrganizationCode == merged, Ct);
        Assert.Equal(app.OrganizationId(successor), left.SucceededBy);
        var kept = await after.CampaignOrganizations.SingleAsync(o => o.CampaignId == ended && o.OrganizationCode == merged, Ct);
        Assert.Null(kept.SucceededBy);
        var moved = await after.CampaignOrganizations.SingleAsync(o => o.CampaignId == running && o.OrganizationCode == SurveysApp.EnterpriseCode, Ct);
        Assert.Equal((successorUnit, "西镇示例食品有限公司党支部", (Guid?)null), (moved.UnitId, moved.OrganizationName, moved.SucceededBy));
        var figures = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/surveys/campaigns/{running}/figures/{app.Tree.Id(TestTree.TownshipCode)}", Ct);
        Assert.Equal(3, figures.GetProperty("organizations").GetInt32()); // two villages and the community stay; 东3村 and the enterprise left
        var events = await app.PublishedAsync<OrganizationVisitFiguresChanged>();
        Assert.Contains(events, e => e.CampaignId == running && e.OrganizationCode == merged && !e.InScope);
        Assert.DoesNotContain(events, e => e.CampaignId == ended);
    }

    [Fact]
    public async Task A_merge_into_an_organisation_that_another_batch_is_adding_follows_it_to_the_successor()
    {
        await using var app = await SurveysApp.StartAsync();
        await app.WaitForBusAsync();
        var running = await app.CampaignAsync();
        var merged = TestTree.VillageCode(TestTree.TownshipCode, 3);
        var successor = Guid.CreateVersion7();

        // The copy's lock held: the batch adding the successor waits first, the merge's batch second. At once, the merge
        // would not see the successor (not committed yet) and would leave the scope without anyone joining it.
        await using var holder = app.OpenDb();
        await using var transaction = await holder.Database.BeginTransactionAsync(Ct);
        await holder.LockTreeCopyAsync(Ct);
        await app.PublishAsync(new PartyOrganizationChanged(successor, 1, UnitChange.Created, "西镇示例建材有限公司党支部", "610502002000E001",
            PartyOrganizationKind.Enterprise, app.Tree.Id(TestTree.SecondTownshipCode), false, null, DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => await AdvisoryLockWaits.CountAsync(holder, pairKey: true, Ct) == 1, Timeout);
        await app.PublishAsync(new PartyOrganizationChanged(app.OrganizationId(merged), 2, UnitChange.Retired, "东3村党支部", merged, PartyOrganizationKind.Village,
            app.Tree.Village(TestTree.TownshipCode, 3), true, successor, DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => await AdvisoryLockWaits.CountAsync(holder, pairKey: true, Ct) == 2, Timeout);
        await transaction.RollbackAsync(Ct);

        var joined = await Eventually.ValueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.CampaignOrganizations.AsNoTracking().SingleOrDefaultAsync(o => o.CampaignId == running && o.OrganizationId == successor, Ct);
        }, Timeout);
        Assert.Equal(("610502002000E001", (Guid?)null), (joined.OrganizationCode, joined.SucceededBy));
        await using var after = app.OpenDb();
        Assert.Equal(successor, (await after.CampaignOrganizations.SingleAsync(o => o.CampaignId == running && o.OrganizationCode == merged, Ct)).SucceededBy);
    }

    [Fact]
    public async Task An_organisation_created_later_joins_the_scope_by_its_code_once()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var path = $"/api/surveys/campaigns/{campaign}/organizations";

        var added = await app.CreateClient().PostAsJsonAsync(path, new { organizationCode = SurveysApp.EnterpriseCode }, Ct);
        var again = await app.CreateClient().PostAsJsonAsync(path, new { organizationCode = SurveysApp.EnterpriseCode }, Ct);
        var unknown = await app.CreateClient().PostAsJsonAsync(path, new { organizationCode = "610502001000E999" }, Ct);
        var otherCounty = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode)
            .PostAsJsonAsync(path, new { organizationCode = SurveysApp.EnterpriseCode }, Ct);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden),
            (added.StatusCode, again.StatusCode, unknown.StatusCode, otherCounty.StatusCode));
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.CampaignOrganizations.CountAsync(o => o.CampaignId == campaign && o.OrganizationCode == SurveysApp.EnterpriseCode, Ct));
    }

    private static PartyOrganizationReplica Enterprise(SurveysApp app, string code, Guid unitId, bool retired) =>
        PartyOrganizationReplica.From(new PartyOrganizationChanged(app.OrganizationId(code), 1, retired ? UnitChange.Retired : UnitChange.Created,
            $"企业{code[^4..]}党支部", code, PartyOrganizationKind.Enterprise, unitId, retired, null, SurveysApp.Start));

    private static object Plan(Guid unitId, string endsOn = "2026-08-31", string[]? kinds = null) =>
        new { name = "2026年入户走访", unitId, startsOn = "2026-06-01", endsOn, kinds };
}
