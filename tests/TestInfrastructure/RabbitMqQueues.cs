using System.Text;
using RabbitMQ.Client;

namespace PartyPlatform.TestInfrastructure;

/// <summary>Reads a queue directly, past MassTransit: what really sits in an _error queue.</summary>
public static class RabbitMqQueues
{
    /// <summary>Takes one message body from the queue, or null when it is empty or does not exist yet.</summary>
    public static async Task<string?> GetAsync(string amqpUri, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            var message = await channel.BasicGetAsync(queue, autoAck: true);
            return message is null ? null : Encoding.UTF8.GetString(message.Body.Span);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // 404 NOT_FOUND: MassTransit creates the _error queue with the first fault.
            return null;
        }
    }
}
