using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using PartyPlatform.Security;
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

    /// <summary>A client calling with a token for <paramref name="role"/> bound to <paramref name="unitCode"/>.</summary>
    public HttpClient CreateClientAs(string role, string unitCode)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role, unitCode));
        return client;
    }

    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>Clients call as a city administrator unless a test says otherwise.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", TestTokens.For(PlatformRoles.CityAdministrator, "610500000000"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureTestServices(services => services.TrustTestTokens());
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:organizationsdb", Database);
        builder.UseSetting("ConnectionStrings:messaging", Broker);
        builder.UseSetting("DemoData:Load", "false");
    }
}
