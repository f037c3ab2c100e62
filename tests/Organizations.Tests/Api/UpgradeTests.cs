using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Organizations.Tests.Api;

/// <summary>What a database written by the previous release looks like after this one's migrations.</summary>
public sealed class UpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Existing_party_organisations_get_their_codes_and_new_numbers_continue_after_them()
    {
        var database = await TestServers.Postgres.CreateDatabaseAsync();
        await using var db = OrganizationsApp.Db(database);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("AuditClientConsumerNamesHousekeepingIndexes", Ct);
        var (county, township, village, uncoded) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        // Numbered oldest first: version 7 ids order by their time.
        var now = DateTimeOffset.UtcNow;
        var (own, first, second, onUncoded) = (Guid.CreateVersion7(now), Guid.CreateVersion7(now.AddMilliseconds(1)), Guid.CreateVersion7(now.AddMilliseconds(2)), Guid.CreateVersion7(now));
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO administrative_units (id, name, kind, level, code, parent_id, path, retired, created_at, updated_at, version) VALUES
                ({county}, '临渭区', 'District', 'County', '610502000000', NULL, {$"/{county}/"}, false, now(), now(), 1),
                ({township}, '东镇', 'Township', 'Township', '610502001000', {county}, {$"/{county}/{township}/"}, false, now(), now(), 1),
                ({village}, '东一村', 'Village', 'Village', '610502001201', {township}, {$"/{county}/{township}/{village}/"}, false, now(), now(), 1),
                ({uncoded}, '无码村', 'Village', 'Village', NULL, {township}, {$"/{county}/{township}/{uncoded}/"}, false, now(), now(), 1);
            INSERT INTO party_organizations (id, name, kind, unit_id, unit_path, retired, updated_at, version) VALUES
                ({own}, '东一村党支部', 'Village', {village}, {$"/{county}/{township}/{village}/"}, false, now(), 1),
                ({first}, '果业公司党支部', 'Enterprise', {township}, {$"/{county}/{township}/"}, false, now(), 1),
                ({second}, '物流公司党支部', 'Enterprise', {township}, {$"/{county}/{township}/"}, false, now(), 1),
                ({onUncoded}, '无码村党支部', 'Village', {uncoded}, {$"/{county}/{township}/{uncoded}/"}, false, now(), 1);
            """, Ct);

        await migrator.MigrateAsync(cancellationToken: Ct);

        var codes = await db.PartyOrganizations.ToDictionaryAsync(o => o.Id, o => o.Code, Ct);
        Assert.Equal(
            ["610502001201", "610502001000E001", "610502001000E002", "610502001000V001"],
            [codes[own], codes[first], codes[second], codes[onUncoded]]);
        var counters = await db.PartyOrganizationCodeSequences.OrderBy(s => s.Prefix).Select(s => new { s.Prefix, s.Last }).ToListAsync(Ct);
        Assert.Equal([new { Prefix = "610502001000E", Last = 2 }, new { Prefix = "610502001000V", Last = 1 }], counters);
    }
}
