using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Messaging.Tests;

/// <summary>
/// A consumer whose database is away (restarting, say) for longer than its quick retries: the message
/// waits, unacknowledged, and is applied once the database is back, once, with nothing in _error.
/// </summary>
public sealed class DatabaseOutageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_message_consumed_while_the_database_is_away_is_applied_once_it_is_back()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var direct = new NpgsqlConnectionStringBuilder(harness.Database);
        await using var relay = TcpRelay.Start(direct.Port);
        var throughRelay = new NpgsqlConnectionStringBuilder(harness.Database) { Port = relay.Port }.ConnectionString;
        using var consumer = MessagingHarness.CreateHostBuilder(
            throughRelay, harness.Broker, harness.Deliveries, new MessagingRoles(Consumer: true)).Build();
        await consumer.StartAsync(Ct);
        await consumer.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, Timeout);
        await harness.StartAsync(relay: true, consumer: false);

        await relay.CutAsync();
        var ping = Assert.Single(await harness.CommitPingsAsync(1, Ct));
        // More attempts than the quick retries allow (Messaging:RetryLimit 2 in the harness: 3 attempts):
        // without the outage retries the message would be in _error by now.
        await Eventually.TrueAsync(() => Task.FromResult(harness.Deliveries.AttemptsFor(ping.Id) >= 5), Timeout);
        Assert.Equal(0, await harness.EffectsAsync(ping.Id));
        relay.Restore();

        await Eventually.TrueAsync(async () => await harness.EffectsAsync(ping.Id) == 1, Timeout);
        await consumer.StopAsync(Ct);
        Assert.Equal(1, await harness.EffectsAsync(ping.Id));
        Assert.Equal(0u, await RabbitMqQueues.CountAsync(harness.Broker, $"{PingConsumer.Name}_error"));
    }
}
