using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Messaging.Tests;

/// <summary>
/// A service that starts before its broker, as every platform start has them: its bus connects as soon
/// as the broker accepts connections, not at MassTransit's next retry (3, 6, 12, 24 s apart).
/// </summary>
public sealed class LateBrokerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_bus_connects_as_soon_as_a_late_broker_accepts_connections()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var direct = new Uri(harness.Broker);
        await using var relay = TcpRelay.Start(direct.Port);
        await relay.CutAsync();
        var throughRelay = new UriBuilder(direct) { Port = relay.Port }.Uri.ToString();
        using var consumer = MessagingHarness.CreateHostBuilder(
            harness.Database, throughRelay, harness.Deliveries, new MessagingRoles(Consumer: true)).Build();
        await consumer.StartAsync(Ct);
        var bus = consumer.Services.GetRequiredService<IBusControl>();

        // Away for 25 s: MassTransit alone has failed at 0, 3, 9 and 21 s by then and tries next at about 45 s,
        // which leaves the bus's own start 15 s even on a machine busy with every other test project.
        await Task.Delay(TimeSpan.FromSeconds(25), Ct);
        Assert.NotEqual(BusHealthStatus.Healthy, bus.CheckHealth().Status);
        relay.Restore();

        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(15));
        Assert.Equal(BusHealthStatus.Healthy, bus.CheckHealth().Status);
        var ping = Assert.Single(await harness.CommitPingsAsync(1, Ct));
        await harness.StartAsync(relay: true, consumer: false);
        await Eventually.TrueAsync(async () => await harness.EffectsAsync(ping.Id) == 1, TimeSpan.FromSeconds(60));
        await consumer.StopAsync(Ct);
    }
}
