using MassTransit;

namespace PartyPlatform.TestInfrastructure.Messaging;

/// <summary>The transport alone: no database, no inbox. The benchmark's baseline.</summary>
public sealed class RawPingConsumer(DeliveryLog log) : IConsumer<Ping>
{
    public Task Consume(ConsumeContext<Ping> context)
    {
        log.Applied(context.Message.Id);
        return Task.CompletedTask;
    }
}
