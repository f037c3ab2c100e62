namespace PartyPlatform.Messaging.Inbox;

/// <summary>A message a consumer has applied; the key makes a second application impossible.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    public required string Consumer { get; init; }

    public DateTimeOffset ProcessedAt { get; init; }
}
