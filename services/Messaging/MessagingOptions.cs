namespace PartyPlatform.Messaging;

public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Name of the connection string holding the broker's amqp:// URI.</summary>
    public string ConnectionName { get; set; } = "messaging";

    /// <summary>Redeliveries inside the consumer before the message goes to its queue's _error queue.</summary>
    public int RetryLimit { get; set; } = 5;

    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(5);

    public ushort PrefetchCount { get; set; } = 32;
}
