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

    /// <summary>Messages a receive endpoint holds unacknowledged, and so handles at once.</summary>
    public ushort PrefetchCount { get; set; } = 32;

    /// <summary>Most messages a batch consumer applies in one transaction.</summary>
    public int BatchMessageLimit { get; set; } = 100;

    /// <summary>How long a batch consumer waits to fill a batch once its first message is there.</summary>
    public TimeSpan BatchTimeLimit { get; set; } = TimeSpan.FromMilliseconds(10);
}
