using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts;

namespace PartyPlatform.Messaging.Outbox;

public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Adds the event to the outbox. It is written by the next SaveChanges, in that transaction,
    /// and published by the relay only once the transaction commits.
    /// </summary>
    public static void PublishOnCommit<T>(this DbContext db, T message) where T : class =>
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            MessageType = MessageSerializer.TypeName(message.GetType()),
            Payload = MessageSerializer.Serialize(message),
            TraceParent = Activity.Current?.Id,
            Announces = message is IVersionedEvent versioned ? (versioned.EntityId, versioned.Version) : null,
        });
}
