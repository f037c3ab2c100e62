using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Identity.Tests.Api;

/// <summary>The Identity service on a PostgreSQL database of its own, for one test.</summary>
public sealed class IdentityApp : ServiceApp<Program>
{
    public const string RedirectUri = "https://web.test/signin-callback";

    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;

    private IdentityApp(string database, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        Database = database;
        this.settings = settings;
        this.services = services;
    }

    public string Database { get; }

    /// <param name="services">Replacements for the test (a clock it moves, a hasher it watches).</param>
    public static async Task<IdentityApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new(await TestServers.Postgres.CreateDatabaseAsync(), settings ?? new Dictionary<string, string?>(), services);

    /// <summary>With the demo accounts of the README (Identity:SeedDemoAccounts=true).</summary>
    public static Task<IdentityApp> StartWithDemoAccountsAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        StartAsync(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Identity:SeedDemoAccounts"] = "true" }, services);

    /// <summary>A second process on the same database: what a restart (or a replica) sees.</summary>
    public IdentityApp Restart() => new(Database, settings, services);

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("ConnectionStrings:identitydb", Database),
        new("Identity:WebClient:RedirectUris:0", RedirectUri),
        .. settings,
    ];
}
