using System.Security.Claims;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Dashboard.Tree;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Dashboard.Tests.Api;

/// <summary>The shared copy of the Party organisations, as the Dashboard keeps it, and the scope over it.</summary>
public sealed class PartyOrganizationCopyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_newest_version_wins_and_a_redelivered_or_codeless_event_changes_nothing()
    {
        await using var app = await DashboardApp.StartAsync();
        var consumed = new ConsumedCount<PartyOrganizationChanged>();
        using var observing = app.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(consumed);
        var township = app.Tree.Id(DashboardTree.TownshipCode);
        var created = Organization("东镇果业公司党支部", "610502001000E001", PartyOrganizationKind.Enterprise, township);
        var renamed = created with { Version = 3, Change = UnitChange.Renamed, Name = "东镇果业集团党委" };
        var message = Guid.NewGuid();

        await app.PublishAsync(created, message, Ct);
        await app.PublishAsync(renamed, Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Value == 2), Timeout);
        // A late older version, and the first message delivered again.
        await app.PublishAsync(created with { Version = 2, Name = "迟到的旧名" }, Guid.NewGuid(), Ct);
        await app.PublishAsync(created, message, Ct);
        // Published before organisations had codes: left to the replay, which brings it with its code.
        await app.PublishAsync(created with { Version = 5, Code = null! }, Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Value == 5), Timeout);

        await using var db = app.OpenDb();
        var copy = await db.PartyOrganizations.SingleAsync(Ct);
        Assert.Equal(
            (created.OrganizationId, "610502001000E001", "东镇果业集团党委", PartyOrganizationKind.Enterprise, township, false, (Guid?)null, 3L),
            (copy.Id, copy.Code, copy.Name, copy.Kind, copy.UnitId, copy.Retired, copy.SuccessorId, copy.Version));
        Assert.Equal(1, await db.Set<InboxMessage>().CountAsync(m => m.MessageId == message && m.Consumer == PartyOrganizationChangedConsumer.Name, Ct));
    }

    [Fact]
    public async Task A_retired_villages_organisation_keeps_its_code_and_names_its_successor()
    {
        await using var app = await DashboardApp.StartAsync();
        var village = app.Tree.Id(DashboardTree.VillageCode);
        var successor = Organization("东2村党支部", "610502001202", PartyOrganizationKind.Village, app.Tree.Id(DashboardTree.TownshipCode));
        var own = Organization("东1村党支部", DashboardTree.VillageCode, PartyOrganizationKind.Village, village);

        await app.PublishAsync(own, Guid.NewGuid(), Ct);
        await app.PublishAsync(own with { Version = 2, Change = UnitChange.Retired, Retired = true, SuccessorId = successor.OrganizationId }, Guid.NewGuid(), Ct);

        var copy = await Eventually.ValueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.PartyOrganizations.AsNoTracking().FirstOrDefaultAsync(o => o.Version == 2, Ct);
        }, Timeout);
        Assert.Equal((DashboardTree.VillageCode, true, (Guid?)successor.OrganizationId), (copy.Code, copy.Retired, copy.SuccessorId));
    }

    [Fact]
    public async Task A_county_sees_the_organisations_of_its_subtree_and_finds_no_other_by_id_or_code()
    {
        await using var app = await DashboardApp.StartAsync();
        var tree = app.Tree;
        var enterprise = Organization("东镇果业公司党支部", "610502001000E001", PartyOrganizationKind.Enterprise, tree.Id(DashboardTree.TownshipCode));
        var own = Organization("东1村党支部", DashboardTree.VillageCode, PartyOrganizationKind.Village, tree.Id(DashboardTree.VillageCode));
        var other = Organization("南1村党支部", DashboardTree.OtherVillageCode, PartyOrganizationKind.Village, tree.Id(DashboardTree.OtherVillageCode));
        var village = tree[DashboardTree.VillageCode];
        // 东1村 merged away: its organisation retired with it.
        await using (var db = app.OpenDb())
        {
            db.PartyOrganizations.AddRange(
                PartyOrganizationReplica.From(enterprise),
                PartyOrganizationReplica.From(own with { Version = 2, Retired = true }),
                PartyOrganizationReplica.From(other));
            (await db.Units.SingleAsync(u => u.Id == village.UnitId, Ct)).Apply(village with { Version = 2, Retired = true });
            await db.SaveChangesAsync(Ct);
        }

        await using var read = app.OpenDb();
        var county = Scope(read, PlatformRoles.CountyOperator, DashboardTree.CountyCode);
        var city = Scope(read, PlatformRoles.CityAdministrator, DashboardTree.CityCode);

        Assert.Equal([enterprise.OrganizationId], await (await county.PartyOrganizationsAsync(Ct)).Select(o => o.Id).ToListAsync(Ct));
        Assert.Equal([enterprise.OrganizationId], await (await county.PartyOrganizationsUnderAsync(tree.Id(DashboardTree.TownshipCode), Ct))!.Select(o => o.Id).ToListAsync(Ct));
        Assert.Null(await county.PartyOrganizationsUnderAsync(tree.Id(DashboardTree.OtherTownshipCode), Ct));
        Assert.Equal(own.OrganizationId, (await county.FoundPartyOrganizationByCodeAsync(DashboardTree.VillageCode, Ct))?.Id);
        Assert.Null(await county.FoundPartyOrganizationByCodeAsync(DashboardTree.OtherVillageCode, Ct));
        Assert.Null(await county.FoundPartyOrganizationAsync(other.OrganizationId, Ct));
        Assert.Equal(other.OrganizationId, (await city.FoundPartyOrganizationAsync(other.OrganizationId, Ct))?.Id);
        Assert.Equal(
            new[] { enterprise.OrganizationId, other.OrganizationId }.Order(),
            (await (await city.PartyOrganizationsAsync(Ct)).Select(o => o.Id).ToListAsync(Ct)).Order());
    }

    [Fact]
    public async Task Its_tree_replay_request_says_what_its_copy_of_the_organisations_holds()
    {
        await using var app = await DashboardApp.StartAsync();

        // Sent at start, once the bus is up, to Organizations' queue on this test's own broker vhost.
        var body = await Eventually.ValueAsync(() => RabbitMqQueues.GetAsync(app.Broker, TreeReplayRequested.Queue), Timeout);

        var request = JsonDocument.Parse(body).RootElement.GetProperty("message");
        Assert.Equal("dashboard", request.GetProperty("requestedBy").GetString());
        var organizations = request.GetProperty("partyOrganizations");
        Assert.Equal((0, 0), (organizations.GetProperty("count").GetInt64(), organizations.GetProperty("versionSum").GetInt64()));
    }

    private static PartyOrganizationChanged Organization(string name, string code, PartyOrganizationKind kind, Guid unitId) =>
        new(Guid.CreateVersion7(), 1, UnitChange.Created, name, code, kind, unitId, false, null, DateTimeOffset.UnixEpoch);

    private static ReplicaScope Scope(DashboardDb db, string role, string unitCode)
    {
        var identity = new ClaimsIdentity([new Claim("role", role), new Claim(CallerScope.UnitCodeClaim, unitCode)], "test", "sub", "role");
        return new ReplicaScope(db, new Caller(new DefaultHttpContext { User = new ClaimsPrincipal(identity) }));
    }

    /// <summary>One caller per scope: <see cref="HttpContextAccessor"/> keeps one request per async flow, and this test holds two.</summary>
    private sealed class Caller(HttpContext context) : IHttpContextAccessor
    {
        public HttpContext? HttpContext
        {
            get => context;
            set => throw new NotSupportedException();
        }
    }
}
