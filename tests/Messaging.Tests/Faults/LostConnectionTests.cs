using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Messaging.Tests.Faults;

/// <summary>
/// A receive endpoint whose broker dies while one of its deliveries never finishes. That is what the
/// broker fault test caught: acknowledgements written to the dead connection, past the RabbitMQ client's
/// write buffer, wait forever, and MassTransit waits for them before it connects again, so the consumer
/// stopped for good while its health said Healthy. Here a consumer that hangs stands for that ack.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class LostConnectionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_endpoint_whose_delivery_never_finishes_reports_the_lost_broker_and_consumes_again_after_its_restart()
    {
        await using var node = await RabbitMqServer.StartAsync(restartable: true, Ct);
        var deliveries = new HangingDeliveries();
        using var host = Build(node.AmqpUri, deliveries);
        await host.StartAsync(Ct);
        try
        {
            var bus = host.Services.GetRequiredService<IBusControl>();
            await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Timeout);
            var hung = new Ping(Guid.NewGuid());
            await PublishAsync(bus, hung);
            await deliveries.Hanging.WaitAsync(Timeout, Ct);

            await node.KillAsync();
            await Eventually.TrueAsync(() => Task.FromResult(bus.CheckHealth().Status != BusHealthStatus.Healthy), Timeout);

            await node.RestartAsync(Ct);
            await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Timeout);
            // Published by another process's bus: this one's publishing may stay on a channel of the dead connection,
            // which only a new process mends (StuckPublishingTests); here the question is the consumer's.
            using var publisher = Build(node.AmqpUri, deliveries, consumer: false);
            await publisher.StartAsync(Ct);
            try
            {
                var after = new Ping(Guid.NewGuid());
                await PublishAsync(publisher.Services.GetRequiredService<IBus>(), after);
                // The hung one was never acknowledged: the broker delivers it again to the new connection.
                await Eventually.TrueAsync(() => Task.FromResult(deliveries.Finished(hung.Id) && deliveries.Finished(after.Id)), Timeout);
            }
            finally
            {
                await publisher.StopAsync(Ct);
            }
        }
        finally
        {
            deliveries.Release();
            await host.StopAsync(Ct);
        }
    }

    /// <summary>
    /// As the relay publishes: a confirm that does not come soon is given up and the message published
    /// again (the consumer takes repeats). A dump of this test once showed a first publish whose confirm never came.
    /// </summary>
    private static async Task PublishAsync(IBus bus, Ping ping)
    {
        await Eventually.TrueAsync(async () =>
        {
            using var confirm = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            confirm.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                await bus.Publish(ping, confirm.Token);
                return true;
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                return false;
            }
        }, Timeout);
    }

    private static IHost Build(string broker, HangingDeliveries deliveries, bool consumer = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = broker,
            ["Messaging:StopTimeout"] = "00:00:02",
        });
        builder.Services.AddSingleton(deliveries);
        builder.AddPlatformMessaging("test", bus =>
        {
            if (consumer)
            {
                bus.AddInboxConsumer<HangingConsumer>();
            }
        });
        return builder.Build();
    }
}

/// <summary>The first delivery hangs, deaf to cancellation, until the test releases it; every later one finishes.</summary>
public sealed class HangingDeliveries
{
    private readonly TaskCompletionSource hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<Guid> finished = [];
    private int started;

    public Task Hanging => hanging.Task;

    public void Release() => released.TrySetResult();

    public bool Finished(Guid id)
    {
        lock (finished)
        {
            return finished.Contains(id);
        }
    }

    public async Task HandleAsync(Guid id)
    {
        if (Interlocked.Increment(ref started) == 1)
        {
            hanging.TrySetResult();
            await released.Task;
            return;
        }

        lock (finished)
        {
            finished.Add(id);
        }
    }
}

public sealed class HangingConsumer(HangingDeliveries deliveries) : IConsumer<Ping>, IInboxConsumer
{
    public static string Name => "test-hanging";

    public Task Consume(ConsumeContext<Ping> context) => deliveries.HandleAsync(context.Message.Id);
}
