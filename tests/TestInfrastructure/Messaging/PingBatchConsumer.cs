using MassTransit;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.TestInfrastructure.Messaging;

/// <summary>The same effect as <see cref="PingConsumer"/>, applied a batch per transaction.</summary>
public sealed class PingBatchConsumer(RelayTestDb db, DeliveryLog log) : IConsumer<Batch<Ping>>, IInboxConsumer
{
    public static string Name => "test-ping-batch";

    public async Task Consume(ConsumeContext<Batch<Ping>> context)
    {
        foreach (var ping in context.Message)
        {
            log.Attempted(ping.Message.Id);
        }

        var applied = await db.ApplyOnceAsync(context, this, (pings, _) =>
        {
            if (pings.FirstOrDefault(p => p.Poison) is { } poison)
            {
                throw new InvalidOperationException($"Ping {poison.Id} is poison.");
            }

            db.Effects.AddRange(pings.Select(p => new PingEffect { PingId = p.Id }));
            return Task.CompletedTask;
        });
        foreach (var ping in applied)
        {
            log.Applied(ping.Id);
        }

        foreach (var ping in context.Message)
        {
            log.Handled(ping.Message.Id);
        }
    }
}
