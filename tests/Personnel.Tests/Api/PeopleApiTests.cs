using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>People kept by unit, their ID number and phone masked for everyone but a personnel officer of the unit.</summary>
public sealed class PeopleApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_registered_person_reads_and_lists_masked_and_is_kept_whole()
    {
        await using var app = await PersonnelApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var village = app.Tree.Village(TestTree.TownshipCode, 1);

        var created = await county.PostAsJsonAsync("/api/personnel/people", People.Body(village), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var read = await county.GetFromJsonAsync<JsonElement>($"/api/personnel/people/{id}", Ct);
        var listed = await county.GetFromJsonAsync<JsonElement>($"/api/personnel/people?unitId={app.Tree.Id(TestTree.TownshipCode)}", Ct);
        Assert.Equal(("610502********1236", "139****5678", "张建国", "WealthLeader"),
            (read.GetProperty("idNumber").GetString(), read.GetProperty("phone").GetString(), read.GetProperty("name").GetString(), read.GetProperty("source").GetString()));
        Assert.Equal(1, listed.GetProperty("totalCount").GetInt32());
        Assert.Equal("610502********1236", listed.GetProperty("items")[0].GetProperty("idNumber").GetString());
        await using var db = app.OpenDb();
        var person = await db.People.SingleAsync(Ct);
        Assert.Equal((village, People.SecretaryIdNumber, "13912345678"), (person.UnitId, person.IdNumber, person.Phone));
        // The audit says the ID number was written, never what it is.
        var audit = await db.Set<AuditEntry>().SingleAsync(a => a.EntityType == "Person", Ct);
        Assert.DoesNotContain(People.SecretaryIdNumber, audit.Changes);
        Assert.DoesNotContain("13912345678", audit.Changes);
    }

    [Fact]
    public async Task Only_a_personnel_officer_of_the_unit_sees_personal_information_and_each_look_is_audited()
    {
        await using var app = await PersonnelApp.StartAsync();
        var id = await People.RegisterAsync(app.CreateClient(), app.Tree.Village(TestTree.TownshipCode, 1), People.SecretaryIdNumber);
        var path = $"/api/personnel/people/{id}/personal-information";

        var administrator = await app.CreateClient().GetAsync(path, Ct);
        var operatorOfCounty = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode).GetAsync(path, Ct);
        var officerElsewhere = await app.CreateClientAs(PlatformRoles.PersonnelOfficer, TestTree.OtherCountyCode).GetAsync(path, Ct);
        var missing = await app.CreateClientAs(PlatformRoles.PersonnelOfficer, TestTree.CountyCode).GetAsync($"/api/personnel/people/{Guid.NewGuid()}/personal-information", Ct);
        await using (var db = app.OpenDb())
        {
            Assert.Equal(0, await db.Set<AuditEntry>().CountAsync(a => a.Action == AuditedReads.ReadAction, Ct));
        }

        var officer = await app.CreateClientAs(PlatformRoles.PersonnelOfficer, TestTree.CountyCode).GetAsync(path, Ct);

        Assert.Equal(
            (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK),
            (administrator.StatusCode, operatorOfCounty.StatusCode, officerElsewhere.StatusCode, missing.StatusCode, officer.StatusCode));
        var unmasked = await officer.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((People.SecretaryIdNumber, "13912345678"), (unmasked.GetProperty("idNumber").GetString(), unmasked.GetProperty("phone").GetString()));
        await using var after = app.OpenDb();
        var look = await after.Set<AuditEntry>().SingleAsync(a => a.Action == AuditedReads.ReadAction, Ct);
        Assert.Equal(("Person", id.ToString(), TestTree.CountyCode), (look.EntityType, look.EntityId, look.ActorUnit));
        Assert.Contains("IdNumber", look.Changes);
    }

    [Fact]
    public async Task A_person_outside_the_callers_unit_does_not_exist_for_it()
    {
        await using var app = await PersonnelApp.StartAsync();
        var id = await People.RegisterAsync(app.CreateClient(), app.Tree.Village(TestTree.TownshipCode, 1), People.SecretaryIdNumber);
        var other = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode);

        var read = await other.GetAsync($"/api/personnel/people/{id}", Ct);
        var list = await other.GetFromJsonAsync<JsonElement>("/api/personnel/people", Ct);
        var posts = await other.GetAsync($"/api/personnel/people/{id}/posts", Ct);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (read.StatusCode, posts.StatusCode));
        Assert.Equal(0, list.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task One_record_per_id_number_and_a_wrong_check_character_is_refused_naming_idNumber()
    {
        await using var app = await PersonnelApp.StartAsync();
        await People.RegisterAsync(app.CreateClient(), app.Tree.Village(TestTree.TownshipCode, 1), People.SecretaryIdNumber);
        var client = app.CreateClient();

        var again = await client.PostAsJsonAsync("/api/personnel/people", People.Body(app.Tree.Village(TestTree.OtherTownshipCode, 1), name: "李四"), Ct);
        var wrong = await client.PostAsJsonAsync("/api/personnel/people", People.Body(app.Tree.Village(TestTree.TownshipCode, 2), "610502199001010012"), Ct);
        var future = await client.PostAsJsonAsync("/api/personnel/people", People.Body(app.Tree.Village(TestTree.TownshipCode, 2), "610502202701010017"), Ct);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await Problems.AssertRefusedAsync(wrong, "idNumber");
        Assert.Contains("should be 1", await wrong.Content.ReadAsStringAsync(Ct));
        await Problems.AssertRefusedAsync(future, "birthDate");
        await using var db = app.OpenDb();
        Assert.Equal(["张建国"], await db.People.Select(p => p.Name).ToListAsync(Ct));
    }

    [Fact]
    public async Task Today_is_the_citys_day_not_the_machines()
    {
        await using var app = await PersonnelApp.StartAsync();
        // 00:30 on 2 June in the city is still 1 June in UTC.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 6, 2, 0, 30, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        var village = app.Tree.Village(TestTree.TownshipCode, 1);

        var joinedToday = await app.CreateClient().PostAsJsonAsync("/api/personnel/people", People.Body(village, joinedPartyOn: "2026-06-02"), Ct);
        var joinedTomorrow = await app.CreateClient().PostAsJsonAsync(
            "/api/personnel/people", People.Body(village, People.DirectorIdNumber, "李四", joinedPartyOn: "2026-06-03"), Ct);

        Assert.Equal(HttpStatusCode.Created, joinedToday.StatusCode);
        await Problems.AssertRefusedAsync(joinedTomorrow, "joinedPartyOn");
        await using var db = app.OpenDb();
        Assert.Equal(new DateOnly(2026, 6, 2), (await db.People.SingleAsync(Ct)).JoinedPartyOn);
    }
}
