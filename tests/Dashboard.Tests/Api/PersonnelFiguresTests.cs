using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Dashboard.Personnel;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Dashboard.Tests.Api;

/// <summary>Personnel's figures in the read model: the newest version wins, a repeated fact counts once, and each unit sees its own.</summary>
public sealed class PersonnelFiguresTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The city's day, as the service reckons it (Asia/Shanghai).</summary>
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task A_profile_keeps_its_newest_version_and_reads_with_age_bands_and_the_ratio()
    {
        await using var app = await DashboardApp.StartAsync();
        var county = app.Tree[DashboardTree.CountyCode];
        var older = Guid.NewGuid();

        await app.PublishAsync(Profile(county, version: 2, villages: 20, secretaries: 18, alsoDirector: 9), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => (await ProfilesAsync(app.CreateClient())).GetArrayLength() == 1, Timeout);
        await app.PublishAsync(Profile(county, version: 1, villages: 20, secretaries: 10, alsoDirector: 1), older, Ct);
        await app.PublishAsync(Profile(county, version: 1, villages: 20, secretaries: 10, alsoDirector: 1), older, Ct);
        await Eventually.TrueAsync(() => app.AppliedAsync(older, SecretaryProfileChangedConsumer.Name), Timeout);

        var profile = Assert.Single((await ProfilesAsync(app.CreateClient())).EnumerateArray());
        Assert.Equal((2L, 18, 9, 45.0m), (profile.GetProperty("version").GetInt64(), profile.GetProperty("secretaries").GetInt32(),
            profile.GetProperty("alsoDirector").GetInt32(), profile.GetProperty("alsoDirectorPercent").GetDecimal()));
        Assert.Equal([("≤35", 3), ("36–45", 0), ("46–55", 15), ("≥56", 0)],
            profile.GetProperty("ageBands").EnumerateArray().Select(b => (b.GetProperty("label").GetString(), b.GetProperty("count").GetInt32())));
        Assert.Equal(18, profile.GetProperty("byEducation").GetProperty("JuniorCollege").GetInt32());
        // County B sees none of county A's figures.
        var other = app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.OtherCountyCode);
        Assert.Equal(0, (await ProfilesAsync(other)).GetArrayLength());
    }

    [Fact]
    public async Task Officials_ending_their_term_with_no_exit_are_counted_once_and_an_exit_takes_them_off()
    {
        await using var app = await DashboardApp.StartAsync();
        var village = app.Tree.Id(DashboardTree.VillageCode);
        var (ending, later, exited) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var repeated = Guid.NewGuid();

        await app.PublishAsync(Official(ending, 1, village, Today.AddDays(30)), repeated, Ct);
        await app.PublishAsync(Official(ending, 1, village, Today.AddDays(30)), repeated, Ct);
        await app.PublishAsync(Official(later, 1, village, Today.AddDays(400)), Guid.NewGuid(), Ct);
        await app.PublishAsync(Official(exited, 1, village, Today.AddDays(10)), Guid.NewGuid(), Ct);
        await app.PublishAsync(Official(exited, 2, village, Today.AddDays(10), GraduateOfficialExitPath.CivilService), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.GraduateOfficials.CountAsync(Ct) == 3 && await db.GraduateOfficials.AnyAsync(o => o.OfficialId == exited && o.Version == 2, Ct);
        }, Timeout);

        var county = app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.CountyCode);
        var figures = await county.GetFromJsonAsync<JsonElement>($"/api/dashboard/personnel/graduate-officials/ending?unitId={app.Tree.Id(DashboardTree.TownshipCode)}", Ct);
        Assert.Equal((3, 1, 90), (figures.GetProperty("serving").GetInt32(), figures.GetProperty("ending").GetInt32(), figures.GetProperty("windowDays").GetInt32()));
        var row = Assert.Single(figures.GetProperty("officials").GetProperty("items").EnumerateArray());
        Assert.Equal((ending, "东1村", 30), (row.GetProperty("officialId").GetGuid(), row.GetProperty("villageName").GetString(), row.GetProperty("daysLeft").GetInt32()));
        var other = app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.OtherCountyCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await other.GetAsync($"/api/dashboard/personnel/graduate-officials/ending?unitId={app.Tree.Id(DashboardTree.TownshipCode)}", Ct)).StatusCode);
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>("/api/dashboard/personnel/graduate-officials/ending", Ct)).GetProperty("serving").GetInt32());
    }

    private static VillageSecretaryProfileChanged Profile(AdministrativeUnitChanged unit, long version, int villages, int secretaries, int alsoDirector)
    {
        var year = Today.Year;
        return new(unit.UnitId, version, unit.Name, unit.Code, unit.Level, villages, secretaries, alsoDirector,
            new Dictionary<string, int> { ["JuniorCollege"] = secretaries },
            new Dictionary<string, int> { ["WealthLeader"] = secretaries },
            new Dictionary<int, int> { [year - 30] = 3, [year - 50] = secretaries - 3 },
            DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_villages_leaders_keep_their_newest_list_and_show_on_its_page_with_ages_and_one_shoulder()
    {
        await using var app = await DashboardApp.StartAsync();
        var village = app.Tree.Id(DashboardTree.VillageCode);
        var (both, first) = (Guid.NewGuid(), Guid.NewGuid());
        var (secretaryTerm, directorTerm, firstTerm) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        VillageLeader Term(Guid post, PostKind kind, Guid person, int born) => new(post, kind, person, new DateOnly(2021, 1, 1), born, "Bachelor", "WealthLeader");
        var older = Guid.NewGuid();

        await app.PublishAsync(new VillageLeadersChanged(village, 2, [Term(secretaryTerm, PostKind.VillageSecretary, both, 1980),
            Term(directorTerm, PostKind.VillageCommitteeDirector, both, 1980), Term(firstTerm, PostKind.FirstSecretary, first, 1990)], DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => (await LeadersAsync(app.CreateClient(), village)).GetProperty("posts").GetArrayLength() == 3, Timeout);
        // An older list arriving late, twice, changes nothing.
        await app.PublishAsync(new VillageLeadersChanged(village, 1, [Term(secretaryTerm, PostKind.VillageSecretary, both, 1980)], DateTimeOffset.UnixEpoch), older, Ct);
        await app.PublishAsync(new VillageLeadersChanged(village, 1, [Term(secretaryTerm, PostKind.VillageSecretary, both, 1980)], DateTimeOffset.UnixEpoch), older, Ct);
        await Eventually.TrueAsync(() => app.AppliedAsync(older, VillageLeadersChangedConsumer.Name), Timeout);

        var leaders = await LeadersAsync(app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.CountyCode), village);
        Assert.True(leaders.GetProperty("alsoDirector").GetBoolean());
        Assert.Equal(
            [("VillageSecretary", both, Today.Year - 1980), ("VillageCommitteeDirector", both, Today.Year - 1980), ("FirstSecretary", first, Today.Year - 1990)],
            leaders.GetProperty("posts").EnumerateArray().Select(p => (p.GetProperty("kind").GetString(), p.GetProperty("personId").GetGuid(), p.GetProperty("age").GetInt32())));
        Assert.Equal("Bachelor", leaders.GetProperty("posts")[0].GetProperty("education").GetString());
        Assert.NotEqual(JsonValueKind.Null, leaders.GetProperty("asOf").ValueKind);
        await using var db = app.OpenDb();
        Assert.Equal(2, (await db.VillageLeaders.SingleAsync(l => l.VillageId == village, Ct)).Version);
        // County B has no such village.
        var other = await app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.OtherCountyCode).GetAsync($"/api/dashboard/villages/{village}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        // A village Personnel published nothing for has no leaders, and no 一肩挑.
        var quiet = await LeadersAsync(app.CreateClient(), app.Tree.Id(DashboardTree.OtherVillageCode));
        Assert.Equal((0, false, JsonValueKind.Null), (quiet.GetProperty("posts").GetArrayLength(), quiet.GetProperty("alsoDirector").GetBoolean(), quiet.GetProperty("asOf").ValueKind));
    }

    private static async Task<JsonElement> LeadersAsync(HttpClient client, Guid village) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/dashboard/villages/{village}", Ct)).GetProperty("leaders");

    private static GraduateOfficialChanged Official(Guid id, long version, Guid village, DateOnly termEnds, GraduateOfficialExitPath? exit = null) =>
        new(id, version, Guid.NewGuid(), village, termEnds.AddYears(-3), 1, termEnds, exit, exit is null ? null : termEnds.AddDays(1), DateTimeOffset.UtcNow);

    private static async Task<JsonElement> ProfilesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/dashboard/personnel/secretary-profiles?level=County", Ct)).GetProperty("items");
}
