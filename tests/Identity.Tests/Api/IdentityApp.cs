using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Identity.Tests.Api;

/// <summary>The Identity service on a PostgreSQL database of its own, for one test.</summary>
public sealed class IdentityApp : ServiceApp<Program>
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

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("ConnectionStrings:identitydb", Database),
        new("Identity:WebClient:RedirectUris:0", RedirectUri),
        .. settings,
    ];
}
