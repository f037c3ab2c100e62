namespace PartyPlatform.Messaging.Outbox;

/// <summary>
/// An event waiting to be published. Written in the same transaction as the state change it
/// announces; its id becomes the MassTransit message id, so a republish after a crash is
/// recognised by the consumers' inbox.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }

    public required string MessageType { get; init; }

    public required string Payload { get; init; }

    /// <summary>W3C traceparent of the request that wrote the event, so the trace goes on across the broker.</summary>
    public string? TraceParent { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>Why the relay could not publish this row (an unknown type): kept for an operator, never dropped.</summary>
    public string? Error { get; init; }

    /// <summary>The entity and version a versioned event announces, for <see cref="PublishedVersionCheck"/>; not stored.</summary>
    public (Guid EntityId, long Version)? Announces { get; init; }
}
