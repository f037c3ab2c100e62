using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.People;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>
/// Personnel publishes every version of a wealth leader (致富带头人), from registration through changes and merges to the change
/// that ends it, so that Assessments keeps the current Party-member candidates; nobody else is published, and no event names anyone.
/// </summary>
public sealed class WealthLeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_wealth_leader_is_published_when_registered_and_on_each_change_until_and_after_the_source_changes_and_nobody_else_is()
    {
        await using var app = await PersonnelApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var leader = await People.RegisterAsync(county, village, People.MoreIdNumbers[0], "致富能手");
        var veteran = await Created.IdAsync(await county.PostAsJsonAsync("/api/personnel/people", Body(village, People.MoreIdNumbers[1], "退伍军人", "Veteran", "2005-07-01"), Ct));

        // Not yet a member (the ID number and phone left out: unchanged), a member again, the same details (no new version), then no longer a wealth leader.
        var changes = new[]
        {
            Change(leader, Body(null, People.MoreIdNumbers[0], "致富能手", "WealthLeader", null, withIdNumber: false)),
            Change(leader, Body(null, People.MoreIdNumbers[0], "致富能手", "WealthLeader", "2015-07-01", withIdNumber: false)),
            Change(leader, Body(null, People.MoreIdNumbers[0], "致富能手", "WealthLeader", "2015-07-01", withIdNumber: false)),
            Change(leader, Body(null, People.MoreIdNumbers[0], "致富能手", "ReturnedMigrantWorker", "2015-07-01", withIdNumber: false)),
            // Still published after it stopped, so that a copy sees every version.
            Change(leader, Body(null, People.MoreIdNumbers[0], "致富能手", "ReturnedMigrantWorker", "2015-07-01", "Bachelor", withIdNumber: false)),
            Change(veteran, Body(null, People.MoreIdNumbers[1], "退伍军人", "Veteran", "2005-07-01", "Bachelor", withIdNumber: false)),
        };
        foreach (var (id, body) in changes)
        {
            var response = await county.PutAsJsonAsync($"/api/personnel/people/{id}", body, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var published = await app.PublishedAsync<WealthLeaderChanged>();
        Assert.All(published, p => Assert.Equal((leader, village), (p.Event.PersonId, p.Event.UnitId)));
        Assert.Equal(
            [(1L, true, new DateOnly(2010, 7, 1), true), (2L, true, null, false), (3L, true, new DateOnly(2015, 7, 1), true), (4L, false, new DateOnly(2015, 7, 1), false), (5L, false, new DateOnly(2015, 7, 1), false)],
            published.Select(p => (p.Event.Version, p.Event.IsWealthLeader, p.Event.JoinedPartyOn, p.Event.IsAwardCandidate)));
        Assert.All(published, p =>
        {
            Assert.DoesNotContain("致富能手", p.Payload);
            Assert.DoesNotContain(People.MoreIdNumbers[0], p.Payload);
            Assert.DoesNotContain("13912345678", p.Payload);
        });
        await using var db = app.OpenDb();
        var (leaderRow, veteranRow) = (await db.People.SingleAsync(p => p.Id == leader, Ct), await db.People.SingleAsync(p => p.Id == veteran, Ct));
        Assert.Equal((5L, "ReturnedMigrantWorker", "Bachelor", People.MoreIdNumbers[0], "13912345678"),
            (leaderRow.Version, leaderRow.Source.ToString(), leaderRow.Education.ToString(), leaderRow.IdNumber, leaderRow.Phone));
        Assert.Equal((2L, false), (veteranRow.Version, veteranRow.PublishedAsWealthLeader));
        Assert.Equal(4, await db.Set<AuditEntry>().CountAsync(a => a.EntityType == "Person" && a.EntityId == leader.ToString() && a.Action == "Modified", Ct));
    }

    [Fact]
    public async Task A_person_who_becomes_a_wealth_leader_is_published_from_then_on_and_an_import_publishes_the_wealth_leaders_it_registers()
    {
        await using var app = await PersonnelApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var veteran = await Created.IdAsync(await county.PostAsJsonAsync("/api/personnel/people", Body(village, People.MoreIdNumbers[1], "退伍军人", "Veteran", "2005-07-01"), Ct));
        var csv = $"name,gender,birthDate,ethnicity,education,joinedPartyOn,source,idNumber,unitCode\n" +
                  $"导入能手,Male,1988-09-09,汉族,Bachelor,,WealthLeader,{People.MoreIdNumbers[2]},{TestTree.VillageCode(TestTree.TownshipCode, 2)}\n" +
                  $"导入教师,Female,1975-11-11,汉族,Bachelor,2000-01-01,RetiredTeacher,{People.MoreIdNumbers[3]},{TestTree.VillageCode(TestTree.TownshipCode, 2)}\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        Assert.Equal(HttpStatusCode.OK, (await county.PutAsJsonAsync($"/api/personnel/people/{veteran}", Body(null, People.MoreIdNumbers[1], "退伍军人", "WealthLeader", "2005-07-01", withIdNumber: false), Ct)).StatusCode);
        Assert.True((await county.PostAsync("/api/personnel/people/imports", content, Ct)).IsSuccessStatusCode);

        await using var db = app.OpenDb();
        var imported = await db.People.SingleAsync(p => p.Name == "导入能手", Ct);
        Assert.Equal(
            [(veteran, 2L, village, true, (DateOnly?)new DateOnly(2005, 7, 1)), (imported.Id, 1L, app.Tree.Village(TestTree.TownshipCode, 2), true, null)],
            (await app.PublishedAsync<WealthLeaderChanged>()).Select(p => (p.Event.PersonId, p.Event.Version, p.Event.UnitId, p.Event.IsWealthLeader, p.Event.JoinedPartyOn)));
    }

    [Fact]
    public async Task A_wealth_leader_moved_by_a_merge_is_published_at_the_successor_once()
    {
        await using var app = await PersonnelApp.StartAsync();
        await app.WaitForBusAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var (retired, successor) = (app.Tree.Village(TestTree.TownshipCode, 1), app.Tree.Village(TestTree.TownshipCode, 2));
        var leader = await People.RegisterAsync(county, retired, People.MoreIdNumbers[0], "被撤村能手");
        await Created.IdAsync(await county.PostAsJsonAsync("/api/personnel/people", Body(retired, People.MoreIdNumbers[1], "被撤村教师", "RetiredTeacher", "2005-07-01"), Ct));
        var merge = new AdministrativeUnitChanged(
            retired, 2, UnitChange.Retired, "东1村", UnitKind.Village, UnitLevel.Village, TestTree.VillageCode(TestTree.TownshipCode, 1),
            app.Tree.Id(TestTree.TownshipCode), true, successor, DateTimeOffset.UtcNow);

        await app.PublishAsync(merge, Guid.NewGuid(), Ct);
        await app.PublishAsync(merge, Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.People.CountAsync(p => p.UnitId == successor, Ct) == 2;
        }, TimeSpan.FromSeconds(30));

        Assert.Equal([(leader, 1L, retired), (leader, 2L, successor)],
            (await app.PublishedAsync<WealthLeaderChanged>()).Select(p => (p.Event.PersonId, p.Event.Version, p.Event.UnitId)));
    }

    [Fact]
    public async Task A_change_is_checked_as_a_registration_and_refused_changes_nothing()
    {
        await using var app = await PersonnelApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var leader = await People.RegisterAsync(county, village, People.MoreIdNumbers[0], "致富能手");
        await People.RegisterAsync(county, village, People.MoreIdNumbers[1], "另一人");
        var otherCounty = await People.RegisterAsync(app.CreateClient(), app.Tree.Village(TestTree.OtherTownshipCode, 1), "610503198001010013", "华州张一");
        var path = $"/api/personnel/people/{leader}";

        var taken = await county.PutAsJsonAsync(path, Body(null, People.MoreIdNumbers[1], "致富能手", "WealthLeader", null), Ct);
        var wrongBirth = await county.PutAsJsonAsync(path, Body(null, People.MoreIdNumbers[0], "致富能手", "WealthLeader", null, withIdNumber: false) with { birthDate = "1978-05-06" }, Ct);
        var badSource = await county.PutAsJsonAsync(path, Body(null, People.MoreIdNumbers[0], "致富能手", "Banker", null, withIdNumber: false), Ct);
        var outside = await county.PutAsJsonAsync($"/api/personnel/people/{otherCounty}", Body(null, "610503198001010013", "华州张一", "Other", null, withIdNumber: false), Ct);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            (taken.StatusCode, wrongBirth.StatusCode, badSource.StatusCode, outside.StatusCode));
        Assert.Contains("idNumber", await wrongBirth.Content.ReadAsStringAsync(Ct));
        await using var db = app.OpenDb();
        Assert.Equal([1L, 1L, 1L], await db.People.OrderBy(p => p.Name).Select(p => p.Version).ToListAsync(Ct));
        Assert.Equal(3, (await app.PublishedAsync<WealthLeaderChanged>()).Count);
    }

    [Fact]
    public async Task A_wealth_leaders_change_saved_without_its_event_is_refused_and_another_persons_is_not()
    {
        await using var app = await PersonnelApp.StartAsync();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var leader = await People.RegisterAsync(app.CreateClient(), village, People.MoreIdNumbers[0], "致富能手");
        var veteran = await Created.IdAsync(await app.CreateClient().PostAsJsonAsync("/api/personnel/people", Body(village, People.MoreIdNumbers[1], "退伍军人", "Veteran", null), Ct));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PersonnelDb>();
        var (leaderRow, veteranRow) = (await db.People.SingleAsync(p => p.Id == leader, Ct), await db.People.SingleAsync(p => p.Id == veteran, Ct));
        Assert.True(veteranRow.Change(Details(veteranRow, PersonSource.Veteran, Education.Bachelor), new DateOnly(2026, 1, 1)));
        await db.SaveChangesAsync(Ct);
        Assert.True(leaderRow.Change(Details(leaderRow, PersonSource.Other, leaderRow.Education), new DateOnly(2026, 1, 1)));

        var refused = await Assert.ThrowsAsync<UnpublishedVersionException>(() => db.SaveChangesAsync(Ct));
        Assert.Contains($"Person {leader} reached version 2", refused.Message);
    }

    private static PersonDetails Details(Person person, PersonSource source, Education education) => new(
        person.Name, person.Gender, person.BirthDate, person.Ethnicity, education, person.JoinedPartyOn, source,
        CitizenIdNumber.TryParse(person.IdNumber, out var number, out _) ? number : throw new InvalidOperationException(), person.Phone);

    private static (Guid Id, object Body) Change(Guid id, object body) => (id, body);

    /// <summary>The person's details, born on the ID number's day; a change leaves the ID number out (kept as recorded) unless asked.</summary>
    private static PersonBody Body(
        Guid? unitId, string idNumber, string name, string source, string? joinedPartyOn, string education = "SeniorSecondary", bool withIdNumber = true) => new(
        unitId, name, "Male", $"{idNumber[6..10]}-{idNumber[10..12]}-{idNumber[12..14]}", "汉族", education, joinedPartyOn, source,
        withIdNumber ? idNumber : null, null);

    /// <summary>A registration's body, or a change's without a unit (and, without an ID number or phone, keeping them).</summary>
    private sealed record PersonBody(
        Guid? unitId, string name, string gender, string birthDate, string ethnicity, string education, string? joinedPartyOn, string source, string? idNumber,
        string? phone);
}
