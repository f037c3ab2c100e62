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

    /// <summary>
    /// How long a starting service waits for the broker to accept connections before it starts the bus
    /// anyway (see <see cref="BrokerGatedBusStart"/>).
    /// </summary>
    public TimeSpan BrokerWaitLimit { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Longest wait for the deliveries in hand when a receive endpoint stops: at shutdown, and when its
    /// broker connection is lost, before it may connect again. Unbounded (MassTransit's default), one
    /// delivery that never finishes keeps the endpoint from ever reconnecting while its health still says
    /// Healthy: an acknowledgement written to a connection that died waits forever in the RabbitMQ client
    /// once its write buffer (128 frames) is full, as a batch's acknowledgements or the relay's publishes fill it.
    /// Deliveries cut off here were never acknowledged: the broker delivers them again and the inbox skips
    /// what was applied.
    /// </summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Further rounds of the retries above while the database cannot be reached, each after a longer wait
    /// up to <see cref="DatabaseOutageMaxInterval"/>: about an hour of outage before a message goes to _error.
    /// </summary>
    public int DatabaseOutageRetryLimit { get; set; } = 130;

    public TimeSpan DatabaseOutageMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages a receive endpoint holds unacknowledged, and so handles at once.</summary>
    public ushort PrefetchCount { get; set; } = 32;

    /// <summary>Most messages a batch consumer applies in one transaction.</summary>
    public int BatchMessageLimit { get; set; } = 100;

    /// <summary>How long a batch consumer waits to fill a batch once its first message is there.</summary>
    public TimeSpan BatchTimeLimit { get; set; } = TimeSpan.FromMilliseconds(10);
}
