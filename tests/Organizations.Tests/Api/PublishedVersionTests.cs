using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Organizations.Data;

namespace PartyPlatform.Organizations.Tests.Api;

/// <summary>Units and Party organisations are published entities: a version that moves without its event is refused.</summary>
public sealed class PublishedVersionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rename_saved_without_its_event_throws_and_one_with_it_saves()
    {
        await using var app = await OrganizationsApp.StartAsync();
        await app.ImportCsvAsync("code,name,kind,parentCode,partyOrganization\n610500000000,渭南市,City,,\n610502000000,临渭区,District,610500000000,\n");
        var now = DateTimeOffset.UtcNow;

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrganizationsDb>();
            var unit = await db.Units.SingleAsync(u => u.Code == "610502000000", Ct);
            unit.Rename("临渭新区", now);

            var refused = await Assert.ThrowsAsync<UnpublishedVersionException>(() => db.SaveChangesAsync(Ct));
            Assert.Contains($"AdministrativeUnit {unit.Id} reached version 2", refused.Message);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrganizationsDb>();
            var unit = await db.Units.SingleAsync(u => u.Code == "610502000000", Ct);
            unit.Rename("临渭新区", now);
            db.PublishOnCommit(unit.ToEvent(UnitChange.Renamed));
            await db.SaveChangesAsync(Ct);
        }

        await using var check = app.OpenDb();
        var stored = await check.Units.AsNoTracking().SingleAsync(u => u.Code == "610502000000", Ct);
        Assert.Equal((2L, "临渭新区"), (stored.Version, stored.Name));
    }
}
