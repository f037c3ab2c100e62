using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Messaging.Tests.Faults;

/// <summary>
/// Publishing that stays stuck while the bus says it is connected: after a broker restart MassTransit can keep a
/// service's publishing on a channel of the dead connection for good (LostConnectionTests, when it published from the
/// consumer's own bus, saw it about once in three: every publish unconfirmed for five minutes). Nothing in the process
/// mends it, so the relay stops its service after Messaging:Outbox:StuckLimit for the supervisor to start it again. A
/// broker's memory alarm holds the confirms the same way, every time, so it stands in for the dead channel here.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class StuckPublishingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_relay_whose_batches_stay_unconfirmed_on_a_connected_bus_stops_its_service_and_the_next_one_publishes_them()
    {
        await using var node = await RabbitMqServer.StartAsync(cancellationToken: Ct);
        await using var harness = await MessagingHarness.CreateAsync(node);
        await harness.StartAsync(relay: false, consumer: true);
        var stuck = await harness.StartAsync(relay: true, consumer: false, publishTimeout: TimeSpan.FromSeconds(1), stuckLimit: TimeSpan.FromSeconds(5));
        var stopping = stuck.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        await node.SetMemoryAlarmAsync(raised: true);

        var pings = await harness.CommitPingsAsync(3, Ct);

        await Eventually.TrueAsync(() => Task.FromResult(stopping.IsCancellationRequested), Timeout);
        Assert.All(pings, ping => Assert.Equal(0, harness.Deliveries.AttemptsFor(ping.Id)));

        // What the supervisor does: the same service, a new process, new connections.
        await node.SetMemoryAlarmAsync(raised: false);
        await harness.StartAsync(relay: true, consumer: false);
        foreach (var ping in pings)
        {
            await Eventually.TrueAsync(async () => await harness.EffectsAsync(ping.Id) == 1, Timeout);
        }
    }
}
