using Microsoft.EntityFrameworkCore;
using PartyPlatform.Messaging.Outbox;
using Xunit;

namespace PartyPlatform.TestInfrastructure.Messaging;

public static class PublishedEvents
{
    /// <summary>The events of type <typeparamref name="T"/> in a service's outbox, sent or not, with their raw payloads, oldest first.</summary>
    public static async Task<List<(T Event, string Payload)>> PublishedWithPayloadsAsync<T>(this DbContext db)
    {
        var type = MessageSerializer.TypeName(typeof(T));
        var rows = await db.Set<OutboxMessage>().Where(m => m.MessageType == type).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
        return rows.ConvertAll(m => ((T)MessageSerializer.Deserialize(m.MessageType, m.Payload).Message, m.Payload));
    }

    /// <summary>The events of type <typeparamref name="T"/> in a service's outbox, sent or not, oldest first.</summary>
    public static async Task<List<T>> PublishedAsync<T>(this DbContext db) =>
        (await db.PublishedWithPayloadsAsync<T>()).ConvertAll(p => p.Event);
}
