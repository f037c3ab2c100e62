using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Organizations.Data;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Organizations.Tests.Api;

/// <summary>The Organizations service on a database and a broker vhost of its own, for one test.</summary>
public sealed class OrganizationsApp : WebApplicationFactory<Program>
{
    private OrganizationsApp(string database, string broker)
    {
        Database = database;
        Broker = broker;
    }

    public string Database { get; }

    public string Broker { get; }

    public static async Task<OrganizationsApp> StartAsync() =>
        new(await TestServers.Postgres.CreateDatabaseAsync(), await TestServers.RabbitMq.CreateVirtualHostAsync());

    public OrganizationsDb OpenDb() =>
        new(new DbContextOptionsBuilder<OrganizationsDb>().UseNpgsql(Database).UseSnakeCaseNamingConvention().Options);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:organizationsdb", Database);
        builder.UseSetting("ConnectionStrings:messaging", Broker);
        builder.UseSetting("DemoData:Load", "false");
    }
}
