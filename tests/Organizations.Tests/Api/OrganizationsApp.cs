using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Organizations.Data;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Organizations.Tests.Api;

/// <summary>The Organizations service on a database and a broker vhost of its own, for one test.</summary>
public sealed class OrganizationsApp : ServiceApp<Program>
{
    private OrganizationsApp(string database, string broker)
    {
        Database = database;
        Broker = broker;
    }

    public string Database { get; }

    public string Broker { get; }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("ConnectionStrings:organizationsdb", Database),
        new("ConnectionStrings:messaging", Broker),
        new("DemoData:Load", "false"),
    ];

    public static async Task<OrganizationsApp> StartAsync() =>
        new(await TestServers.Postgres.CreateDatabaseAsync(), await TestServers.RabbitMq.CreateVirtualHostAsync());

    public OrganizationsDb OpenDb() => Db(Database);

    /// <summary>The service's DbContext on <paramref name="database"/>, without the service.</summary>
    public static OrganizationsDb Db(string database) =>
        new(new DbContextOptionsBuilder<OrganizationsDb>().UseNpgsql(database).UseSnakeCaseNamingConvention().Options);

    /// <summary>The events of type <typeparamref name="T"/> the outbox holds, sent or not, oldest first.</summary>
    public async Task<List<T>> PublishedAsync<T>()
    {
        await using var db = OpenDb();
        return await db.PublishedAsync<T>();
    }

    /// <summary>A tree imported as the city administrator; the import must succeed. Returns its result.</summary>
    public async Task<JsonElement> ImportCsvAsync(string csv)
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await CreateClient().PostAsync("/api/organizations/imports/units", new StringContent(csv, Encoding.UTF8, "text/csv"), ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }
}
