using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Messaging.Tests;

/// <summary>The replay request a service sends at start, and again on demand (a copy rebuilt from scratch).</summary>
public sealed class ReplayRequestTests
{
    private const string Queue = "test-facts-replay";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_that_cannot_be_made_at_start_is_tried_again_and_the_service_keeps_running()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var attempts = 0;
        var builder = MessagingHarness.CreateHostBuilder(harness.Database, harness.Broker, harness.Deliveries, new MessagingRoles(Consumer: true));
        // The first attempt fails as it does while the copy's database is away.
        builder.AddReplayRequest(Queue, (_, now, _) => ++attempts == 1
            ? throw new InvalidOperationException("the database does not answer")
            : Task.FromResult(new TestReplayRequested("test", now)));
        using var host = builder.Build();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        await host.StartAsync(Ct);

        var body = await Eventually.ValueAsync(() => RabbitMqQueues.GetAsync(harness.Broker, Queue), TimeSpan.FromSeconds(30));

        Assert.Equal("test", JsonDocument.Parse(body).RootElement.GetProperty("message").GetProperty("requestedBy").GetString());
        Assert.Equal(2, attempts);
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);

        // On demand, the same request again, made now.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.Equal([Queue], await host.Services.GetRequiredService<ReplayRequests>().SendAllAsync(scope.ServiceProvider, Ct));
        }

        Assert.NotNull(await Eventually.ValueAsync(() => RabbitMqQueues.GetAsync(harness.Broker, Queue), TimeSpan.FromSeconds(30)));
        Assert.Equal(3, attempts);
        await host.StopAsync(Ct);
    }
}

public sealed record TestReplayRequested(string RequestedBy, DateTimeOffset RequestedAt);
