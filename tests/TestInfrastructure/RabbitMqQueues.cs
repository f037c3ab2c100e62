using System.Text;
using RabbitMQ.Client;

namespace PartyPlatform.TestInfrastructure;

/// <summary>Reads a queue directly, past MassTransit: what really sits in an _error queue.</summary>
public static class RabbitMqQueues
{
    /// <summary>Takes one message body from the queue, or null when it is empty or does not exist yet.</summary>
    public static Task<string?> GetAsync(string amqpUri, string queue) =>
        OnQueueAsync(amqpUri, async channel =>
        {
            var message = await channel.BasicGetAsync(queue, autoAck: true);
            return message is null ? null : Encoding.UTF8.GetString(message.Body.Span);
        }, missing: null);

    /// <summary>Messages waiting in the queue (unacknowledged ones count only once no consumer holds them); 0 when it does not exist.</summary>
    public static Task<uint> CountAsync(string amqpUri, string queue) =>
        OnQueueAsync(amqpUri, async channel => (await channel.QueueDeclarePassiveAsync(queue)).MessageCount, missing: 0u);

    private static async Task<T> OnQueueAsync<T>(string amqpUri, Func<IChannel, Task<T>> read, T missing)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return await read(channel);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // 404 NOT_FOUND: MassTransit creates a queue with its endpoint, an _error queue with its first fault.
            return missing;
        }
    }
}
