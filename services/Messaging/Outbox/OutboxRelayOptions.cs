namespace PartyPlatform.Messaging.Outbox;

public sealed class OutboxRelayOptions
{
    public const string Section = "Messaging:Outbox";

    /// <summary>Rows claimed and published per transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long the relay sleeps without a NOTIFY before it looks anyway (a missed notification, a restart).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Pause after a failed batch (broker or database away) before the next try.</summary>
    public TimeSpan ErrorDelay { get; set; } = TimeSpan.FromSeconds(2);
}
