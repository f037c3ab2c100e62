namespace PartyPlatform.TestInfrastructure.Messaging;

/// <summary>What a test host does: relay the outbox, consume pings (through the inbox one by one or in batches, or raw), or several.</summary>
public sealed record MessagingRoles(
    bool Relay = false,
    bool Consumer = false,
    bool BatchConsumer = false,
    bool RawConsumer = false,
    TimeSpan? PollInterval = null,
    TimeSpan? PublishTimeout = null,
    TimeSpan? StuckLimit = null);
