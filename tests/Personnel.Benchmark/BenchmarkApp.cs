using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Benchmark;

/// <summary>
/// The Personnel service in process, as the tests run it (a database and a broker vhost of its own), with a
/// county of <see cref="Townships"/> townships of <see cref="VillagesPerTownship"/> villages in its tree copy.
/// </summary>
public sealed class BenchmarkApp : ServiceApp<Program>
{
    public const string CountyCode = "610502000000";
    public const int Townships = 20;
    public const int VillagesPerTownship = 50;

    private readonly string database;
    private readonly string broker;

    private BenchmarkApp(string database, string broker)
    {
        // Tests find the service's content root through the manifest their test SDK writes; a console names it.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PERSONNEL", ServiceDirectory());
        this.database = database;
        this.broker = broker;
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("ConnectionStrings:personneldb", database),
        new("ConnectionStrings:messaging", broker),
        new("Logging:LogLevel:Default", "Warning"),
    ];

    /// <summary>The villages' division codes, township by township.</summary>
    public static IEnumerable<string> VillageCodes =>
        from t in Enumerable.Range(1, Townships) from v in Enumerable.Range(1, VillagesPerTownship) select $"610502{t:D3}{v:D3}";

    public static async Task<BenchmarkApp> StartAsync()
    {
        var app = new BenchmarkApp(await TestServers.Postgres.CreateDatabaseAsync(), await TestServers.RabbitMq.CreateVirtualHostAsync());
        _ = app.Server;
        await using var db = app.OpenDb();
        var city = Unit("610500000000", "渭南市", UnitKind.City, UnitLevel.City, null);
        var county = Unit(CountyCode, "临渭区", UnitKind.District, UnitLevel.County, city.UnitId);
        var units = new List<AdministrativeUnitChanged> { city, county };
        for (var t = 1; t <= Townships; t++)
        {
            var township = Unit($"610502{t:D3}000", $"第{t}镇", UnitKind.Township, UnitLevel.Township, county.UnitId);
            units.Add(township);
            units.AddRange(Enumerable.Range(1, VillagesPerTownship)
                .Select(v => Unit($"610502{t:D3}{v:D3}", $"第{t}镇{v}村", UnitKind.Village, UnitLevel.Village, township.UnitId)));
        }

        db.Units.AddRange(units.Select(UnitReplica.From));
        await db.SaveChangesAsync();
        return app;
    }

    public HttpClient County()
    {
        var client = CreateClientAs(PlatformRoles.CountyOperator, CountyCode);
        client.Timeout = TimeSpan.FromMinutes(10);
        return client;
    }

    public PersonnelDb OpenDb() =>
        new(new DbContextOptionsBuilder<PersonnelDb>().UseNpgsql(database).UseSnakeCaseNamingConvention().Options);

    private static string ServiceDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var service = Path.Combine(directory.FullName, "services", "Personnel");
            if (File.Exists(Path.Combine(service, "Personnel.csproj")))
            {
                return service;
            }
        }

        throw new InvalidOperationException($"No services/Personnel above {AppContext.BaseDirectory}: run the benchmark from the repository.");
    }

    private static AdministrativeUnitChanged Unit(string code, string name, UnitKind kind, UnitLevel level, Guid? parent) =>
        new(Guid.CreateVersion7(), 1, UnitChange.Created, name, kind, level, code, parent, false, null, DateTimeOffset.UnixEpoch);
}
