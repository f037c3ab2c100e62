using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Dashboard.Tests.Api;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Dashboard.Tests.Database;

/// <summary>
/// The service's <c>/health</c> asks its database on a pool of its own (services/Auditing's
/// DatabaseReadinessCheck, the same in every service): busy consumers holding every connection of the
/// service's pool leave it ready, a database that is away does not.
/// </summary>
public sealed class DatabaseReadinessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_stays_ready_while_the_service_holds_every_connection_of_its_pool()
    {
        // The service's own background work waits for a connection meanwhile (the 5 s connect timeout) rather than fail.
        await using var app = await DashboardApp.StartAsync(settings: [new("Database:MaxPoolSize", "2")]);
        var held = new List<AsyncServiceScope>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var scope = app.Services.CreateAsyncScope();
                held.Add(scope);
                await scope.ServiceProvider.GetRequiredService<DashboardDb>().Database.OpenConnectionAsync(Ct);
            }

            // The pool is indeed empty: one more connection of the service's own has to wait.
            await using (var extra = app.Services.CreateAsyncScope())
            using (var shortWait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
            {
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                    extra.ServiceProvider.GetRequiredService<DashboardDb>().Database.OpenConnectionAsync(shortWait.Token));
            }

            var (status, report) = await HealthAsync(app);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Healthy", report.GetProperty("status").GetString());
            Assert.Equal("Healthy", DatabaseCheck(report).GetProperty("status").GetString());
        }
        finally
        {
            foreach (var scope in held)
            {
                await scope.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Health_answers_unhealthy_while_the_database_is_away_and_ready_once_it_is_back()
    {
        TcpRelay? started = null;
        await using var app = await DashboardApp.StartAsync(
            serviceDatabase: database =>
            {
                var direct = new NpgsqlConnectionStringBuilder(database);
                started = TcpRelay.Start(direct.Port);
                return new NpgsqlConnectionStringBuilder(database) { Port = started.Port }.ConnectionString;
            },
            settings: [new("Database:ConnectTimeout", "00:00:01")]);
        await using var relay = started!;
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(app)).Status);

        await relay.CutAsync();
        var away = await Eventually.ValueAsync(async () =>
            await HealthAsync(app) is { Status: HttpStatusCode.ServiceUnavailable } answer ? answer.Report : (JsonElement?)null, Timeout);
        Assert.Equal("Unhealthy", away.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", DatabaseCheck(away).GetProperty("status").GetString());
        Assert.Equal("The database does not answer.", DatabaseCheck(away).GetProperty("description").GetString());

        relay.Restore();
        await Eventually.TrueAsync(async () => (await HealthAsync(app)).Status == HttpStatusCode.OK, Timeout);
        Assert.Equal("Healthy", DatabaseCheck((await HealthAsync(app)).Report).GetProperty("status").GetString());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Report)> HealthAsync(DashboardApp app)
    {
        using var response = await app.CreateAnonymousClient().GetAsync("/health", Ct);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    private static JsonElement DatabaseCheck(JsonElement report) => report.GetProperty("checks").GetProperty(nameof(DashboardDb));
}
