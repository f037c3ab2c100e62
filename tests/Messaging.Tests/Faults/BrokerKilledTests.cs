using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Messaging.Tests.Faults;

[Collection(FaultCollection.Name)]
public sealed class BrokerKilledTests
{
    private const int Stream = 3000;
    private const int WrittenWhileDown = 500;
    private const int PerTransaction = 100;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Skip = "Open (issue 9): in some runs the batch-consumer process applies nothing for 60 s while its health says Healthy, before or after the broker's restart; the cause is not found yet")]
    public async Task The_broker_killed_mid_stream_and_restarted_loses_nothing_and_doubles_nothing()
    {
        await using var node = await RabbitMqServer.StartAsync(restartable: true, Ct);
        await using var harness = await MessagingHarness.CreateAsync(node);
        await using var consumer = FaultHostProcess.Start(harness, ["batch-consumer"]);
        // Its queue is bound before anything is published.
        await consumer.WaitForHealthAsync(healthy: true, Timeout);
        await using var relay = FaultHostProcess.Start(harness, ["relay"]);
        await relay.WaitForHealthAsync(healthy: true, Timeout);

        var stream = WriteAsync(harness, Stream);
        try
        {
            await EffectLedger.WaitForAppliedAsync(harness.Database, applied: 200, Timeout, Ct, relay, consumer);
        }
        catch (TimeoutException exception)
        {
            // Whether the events wait in the queue or never reached it tells a slow consumer from a lost binding.
            throw new TimeoutException(
                $"Before the kill: {await RabbitMqQueues.CountAsync(harness.Broker, PingBatchConsumer.Name)} messages in the consumer's queue, "
                + $"{await RabbitMqQueues.CountAsync(harness.Broker, $"{PingBatchConsumer.Name}_error")} in its _error queue. {exception.Message}",
                exception);
        }
        await node.KillAsync();
        var atKill = await EffectLedger.ReadAsync(harness.Database, Ct);
        // The service goes on taking writes while the broker is down; the outbox keeps their events.
        await stream;
        await WriteAsync(harness, WrittenWhileDown);

        // As a supervisor would: the same data folder, the same port.
        await node.RestartAsync(Ct);
        await consumer.WaitForHealthAsync(healthy: true, Timeout);
        await EffectLedger.WaitForAppliedAsync(harness.Database, applied: null, Timeout, Ct, relay, consumer);
        await relay.WaitForHealthAsync(healthy: true, Timeout);
        // Anything the broker still holds (a redelivery) is handled before the count is final.
        await consumer.StopAsync();

        Assert.True(atKill.Applied < atKill.Messages, $"nothing was in flight when the broker died ({atKill}); the test proved nothing");
        Assert.Equal(0u, await RabbitMqQueues.CountAsync(harness.Broker, PingBatchConsumer.Name));
        Assert.Equal(0u, await RabbitMqQueues.CountAsync(harness.Broker, $"{PingBatchConsumer.Name}_error"));
        const int written = Stream + WrittenWhileDown;
        Assert.Equal(new EffectLedger(written, written, Lost: 0, Doubled: 0, Unsent: 0, written), await EffectLedger.ReadAsync(harness.Database, Ct));
    }

    /// <summary>Commits <paramref name="count"/> pings as a busy service would: a transaction of <see cref="PerTransaction"/> every 50 ms.</summary>
    private static async Task WriteAsync(MessagingHarness harness, int count)
    {
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        for (var written = 0; written < count && await pace.WaitForNextTickAsync(Ct); written += PerTransaction)
        {
            await harness.CommitPingsAsync(PerTransaction, Ct);
        }
    }
}
