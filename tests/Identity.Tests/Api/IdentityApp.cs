using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Identity.Tests.Api;

/// <summary>The Identity service on a PostgreSQL database of its own, for one test.</summary>
public sealed class IdentityApp : WebApplicationFactory<Program>
{
    public const string RedirectUri = "https://web.test/signin-callback";

    private readonly IReadOnlyDictionary<string, string?> settings;

    private IdentityApp(string database, IReadOnlyDictionary<string, string?> settings)
    {
        Database = database;
        this.settings = settings;
    }

    public string Database { get; }

    public static async Task<IdentityApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        new(await TestServers.Postgres.CreateDatabaseAsync(), settings ?? new Dictionary<string, string?>());

    /// <summary>With the demo accounts of the README (Identity:SeedDemoAccounts=true).</summary>
    public static Task<IdentityApp> StartWithDemoAccountsAsync() =>
        StartAsync(new Dictionary<string, string?> { ["Identity:SeedDemoAccounts"] = "true" });

    /// <summary>A second process on the same database: what a restart (or a replica) sees.</summary>
    public IdentityApp Restart() => new(Database, settings);

    /// <summary>Redirects are not followed: the code comes back in one.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<T?> QueryScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var result = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return result is null or DBNull ? default : (T)result;
    }

    /// <summary>Clients call the admin API as a city administrator unless a test says otherwise.</summary>
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
        builder.UseSetting("ConnectionStrings:identitydb", Database);
        builder.UseSetting("Identity:WebClient:RedirectUris:0", RedirectUri);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
