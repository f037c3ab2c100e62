namespace PartyPlatform.Messaging.Outbox;

public sealed class OutboxRelayOptions
{
    public const string Section = "Messaging:Outbox";

    /// <summary>Rows claimed and published per transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long the relay sleeps without a NOTIFY before it looks anyway (a missed notification, a restart).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a batch waits for the broker to confirm all its messages. A broker that takes the
    /// messages and never confirms (blocked by a resource alarm, a half-dead connection) would hold
    /// the batch, its rows and the relay forever; after this the batch is abandoned, its rows stay
    /// unsent and are published again (any that did arrive are duplicates the inboxes absorb).
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long batches may go unconfirmed while the bus says it is connected before the relay stops the service, for its
    /// supervisor to start it again (the AppHost's, or any that restarts a process that exits). After a broker restart
    /// MassTransit can keep publishing on a channel of the dead connection, and nothing in the process recovers it
    /// (Messaging.Tests' <c>StuckPublishingTests</c>); a new process connects afresh, and the rows wait in the outbox.
    /// A broker's resource alarm holds confirms too: the service then restarts once per this interval until it clears.
    /// </summary>
    public TimeSpan StuckLimit { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The process's exit code when the relay stops it: 75 (EX_TEMPFAIL, try again). Tests hosting the relay set 0.</summary>
    public int StuckExitCode { get; set; } = 75;

    /// <summary>Pause after a failed batch (broker or database away) before the next try.</summary>
    public TimeSpan ErrorDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Test only, never set outside a fault test. When set, the relay stops at the most delicate
    /// moment of its first batch: the broker has confirmed every message and the rows are marked
    /// sent, but the marks are not committed. It writes the batch's message ids to this file (one a
    /// line) and waits until it is stopped, so that a test can kill it there. Empty: no pause.
    /// </summary>
    public string? TestPauseBeforeCommitFile { get; set; }
}
