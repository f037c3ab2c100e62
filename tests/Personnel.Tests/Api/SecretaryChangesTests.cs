using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Personnel.TownshipSecretaries;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>A township secretary's mid-term change (届中调整) is filed by the county and takes effect only when the city approves it.</summary>
public sealed class SecretaryChangesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_approved_change_ends_the_outgoing_term_and_begins_the_incoming_one_on_the_day_asked()
    {
        await using var app = await PersonnelApp.StartAsync();
        var (city, county) = (app.CreateClient(), app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode));
        var (township, outgoing, incoming, term) = await TownshipWithSecretaryAsync(app, county);

        var filed = await Created.IdAsync(await county.PostAsJsonAsync("/api/personnel/township-secretary-changes",
            new { townshipId = township, incomingPersonId = incoming, effectiveOn = "2026-07-01", reason = "工作需要" }, Ct));
        await using (var db = app.OpenDb())
        {
            // Filed, nothing has changed yet.
            Assert.Null((await db.Posts.SingleAsync(p => p.Id == term, Ct)).End);
        }

        var byCounty = await county.PostAsJsonAsync($"/api/personnel/township-secretary-changes/{filed}/approve", new { reason = "同意" }, Ct);
        var approved = await city.PostAsJsonAsync($"/api/personnel/township-secretary-changes/{filed}/approve", new { reason = "同意，报备案" }, Ct);
        var again = await city.PostAsJsonAsync($"/api/personnel/township-secretary-changes/{filed}/reject", new { reason = "重复" }, Ct);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.Conflict), (byCounty.StatusCode, approved.StatusCode, again.StatusCode));
        var answer = await approved.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("Approved", "2026-07-01"), (answer.GetProperty("status").GetString(), answer.GetProperty("tookEffectOn").GetString()));
        await using var after = app.OpenDb();
        var posts = await after.Posts.AsNoTracking().Where(p => p.UnitId == township).OrderBy(p => p.Start).ToListAsync(Ct);
        Assert.Equal(
            [(outgoing, new DateOnly(2021, 1, 1), (DateOnly?)new DateOnly(2026, 7, 1)), (incoming, new DateOnly(2026, 7, 1), null)],
            posts.Select(p => (p.PersonId, p.Start, p.End)));
        Assert.Equal(posts[1].Id, answer.GetProperty("incomingPostId").GetGuid());
        var change = await after.SecretaryChanges.SingleAsync(Ct);
        Assert.Equal((SecretaryChangeStatus.Approved, "同意，报备案", new DateOnly(2026, 6, 1)), (change.Status, change.Decision, change.DecidedOn!.Value));
        var events = await app.PublishedAsync<PostChanged>();
        Assert.Contains(events, e => e.Event.PostId == term && e.Event.End == new DateOnly(2026, 7, 1));
        Assert.Contains(events, e => e.Event.PostId == posts[1].Id && e.Event.Version == 1);
    }

    [Fact]
    public async Task A_rejected_change_leaves_the_posts_and_a_rival_request_cannot_be_approved_after_another()
    {
        await using var app = await PersonnelApp.StartAsync();
        var (city, county) = (app.CreateClient(), app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode));
        var (township, _, incoming, term) = await TownshipWithSecretaryAsync(app, county);
        var body = new { townshipId = township, incomingPersonId = incoming, effectiveOn = "2026-07-01", reason = "工作需要" };

        var filed = await Created.IdAsync(await county.PostAsJsonAsync("/api/personnel/township-secretary-changes", body, Ct));
        var rival = await Created.IdAsync(await county.PostAsJsonAsync("/api/personnel/township-secretary-changes", body, Ct));
        var rejected = await city.PostAsJsonAsync($"/api/personnel/township-secretary-changes/{filed}/reject", new { reason = "届中调整理由不充分" }, Ct);
        var approveAfter = await city.PostAsJsonAsync($"/api/personnel/township-secretary-changes/{filed}/approve", new { reason = "同意" }, Ct);
        var endDirectly = await county.PostAsJsonAsync($"/api/personnel/posts/{term}/end", new { end = "2026-07-01", reason = "调整" }, Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Conflict), (rejected.StatusCode, approveAfter.StatusCode, endDirectly.StatusCode));
        Assert.Contains("rejected on 2026-06-01", await approveAfter.Content.ReadAsStringAsync(Ct));
        await using (var db = app.OpenDb())
        {
            Assert.Null((await db.Posts.SingleAsync(p => p.Id == term, Ct)).End);
            Assert.Equal(1, await db.Posts.CountAsync(Ct));
        }

        var pending = await county.GetFromJsonAsync<JsonElement>($"/api/personnel/township-secretary-changes?status=Pending&unitId={app.Tree.Id(TestTree.CountyCode)}", Ct);
        Assert.Equal([rival], pending.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));

        // The rival is approved; the term it ended is gone, so no further request on it can be.
        var third = await Created.IdAsync(await county.PostAsJsonAsync("/api/personnel/township-secretary-changes", body, Ct));
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"/api/personnel/township-secretary-changes/{rival}/approve", new { reason = "同意" }, Ct)).StatusCode);
        var stale = await city.PostAsJsonAsync($"/api/personnel/township-secretary-changes/{third}/approve", new { reason = "同意" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("ended on 2026-07-01", await stale.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_change_needs_a_secretary_in_post_a_later_day_and_people_of_the_callers_unit()
    {
        await using var app = await PersonnelApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var (township, _, incoming, _) = await TownshipWithSecretaryAsync(app, county);
        var stranger = await People.RegisterAsync(app.CreateClient(), app.Tree.Id(TestTree.OtherTownshipCode), "610503198001010013", "外县人员");

        var vacant = await county.PostAsJsonAsync("/api/personnel/township-secretary-changes",
            new { townshipId = app.Tree.Id(TestTree.SecondTownshipCode), incomingPersonId = incoming, effectiveOn = "2026-07-01", reason = "调整" }, Ct);
        var tooEarly = await county.PostAsJsonAsync("/api/personnel/township-secretary-changes",
            new { townshipId = township, incomingPersonId = incoming, effectiveOn = "2020-01-01", reason = "调整" }, Ct);
        var outsider = await county.PostAsJsonAsync("/api/personnel/township-secretary-changes",
            new { townshipId = township, incomingPersonId = stranger, effectiveOn = "2026-07-01", reason = "调整" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, vacant.StatusCode);
        await Problems.AssertRefusedAsync(tooEarly, "effectiveOn");
        await Problems.AssertRefusedAsync(outsider, "incomingPersonId");
        await using var db = app.OpenDb();
        Assert.Empty(await db.SecretaryChanges.ToListAsync(Ct));
    }

    private static async Task<(Guid Township, Guid Outgoing, Guid Incoming, Guid Term)> TownshipWithSecretaryAsync(PersonnelApp app, HttpClient county)
    {
        var township = app.Tree.Id(TestTree.TownshipCode);
        var outgoing = await People.RegisterAsync(county, township, People.MoreIdNumbers[0], "原书记");
        var incoming = await People.RegisterAsync(county, township, People.MoreIdNumbers[1], "新书记");
        var term = await People.BeginTermAsync(county, outgoing, township, "TownshipSecretary", "2021-01-01");
        return (township, outgoing, incoming, term);
    }
}
