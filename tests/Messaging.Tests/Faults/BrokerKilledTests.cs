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

    /// <summary>
    /// kill -9 of the broker while a relay process publishes a stream of events and a batch-consumer
    /// process applies them, then a restart as a supervisor would do it. The broker dies right as the
    /// consumer's first batches acknowledge their messages: that is what once left the consumer stopped
    /// for good while it reported Healthy (see <see cref="LostConnectionTests"/>).
    /// </summary>
    [Fact]
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
        await WaitForAppliedAsync(node, harness, applied: 200, "before the kill", relay, consumer);
        var consumerReports = consumer.Reported;
        await node.KillAsync();
        var atKill = await EffectLedger.ReadAsync(harness.Database, Ct);
        // A process that cannot consume says so.
        await consumer.WaitForHealthAsync(healthy: false, Timeout, since: consumerReports);
        // The service goes on taking writes while the broker is down; the outbox keeps their events.
        await stream;
        await WriteAsync(harness, WrittenWhileDown);

        // As a supervisor would: the same data folder, the same port.
        await node.RestartAsync(Ct);
        await consumer.WaitForHealthAsync(healthy: true, Timeout, since: consumerReports);
        await WaitForAppliedAsync(node, harness, applied: null, "after the restart", relay, consumer);
        await relay.WaitForHealthAsync(healthy: true, Timeout);
        // Anything the broker still holds (a redelivery) is handled before the count is final.
        await consumer.StopAsync();

        Assert.True(atKill.Applied < atKill.Messages, $"nothing was in flight when the broker died ({atKill}); the test proved nothing");
        Assert.Equal(0u, await RabbitMqQueues.CountAsync(harness.Broker, PingBatchConsumer.Name));
        Assert.Equal(0u, await RabbitMqQueues.CountAsync(harness.Broker, $"{PingBatchConsumer.Name}_error"));
        const int written = Stream + WrittenWhileDown;
        Assert.Equal(new EffectLedger(written, written, Lost: 0, Doubled: 0, Unsent: 0, written), await EffectLedger.ReadAsync(harness.Database, Ct));
    }

    /// <summary>A timeout says what the node holds: events waiting in the queue with no consumer tell a dead consumer from a slow one.</summary>
    private static async Task WaitForAppliedAsync(
        RabbitMqServer node, MessagingHarness harness, long? applied, string when, params FaultHostProcess[] hosts)
    {
        try
        {
            await EffectLedger.WaitForAppliedAsync(harness.Database, applied, Timeout, Ct, hosts);
        }
        catch (TimeoutException exception)
        {
            string broker;
            try
            {
                broker = await node.DescribeAsync();
            }
            catch (Exception cli)
            {
                broker = $"(rabbitmqctl failed: {cli.Message})";
            }

            throw new TimeoutException($"Not applied {when}. {broker}{Environment.NewLine}{exception.Message}", exception);
        }
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
