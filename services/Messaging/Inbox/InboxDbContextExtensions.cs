using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace PartyPlatform.Messaging.Inbox;

public static class InboxDbContextExtensions
{
    /// <summary>
    /// Applies a message's effect at most once per consumer: the inbox row and the effect commit in
    /// one transaction, and a message id already in the inbox is skipped. A concurrent duplicate
    /// waits on the inbox key until the first commits, then sees it and does nothing.
    /// </summary>
    /// <param name="consumer">The consumer applying it (<c>this</c>): the inbox knows it by its <see cref="IInboxConsumer.Name"/>.</param>
    /// <returns>false when the message had already been applied.</returns>
    public static async Task<bool> ApplyOnceAsync<TDbContext, TConsumer>(
        this TDbContext db, ConsumeContext context, TConsumer consumer, Func<CancellationToken, Task> apply)
        where TDbContext : DbContext
        where TConsumer : IInboxConsumer
    {
        var messageId = MessageIdOf(context);
        var applied = await db.ApplyFreshAsync([messageId], TConsumer.Name, (_, ct) => apply(ct), context.CancellationToken);
        return applied.Count == 1;
    }

    /// <summary>
    /// The same for a batch, in one transaction: <paramref name="apply"/> gets the messages not yet
    /// applied (in delivery order, each message id once) and the inbox records them with its effect.
    /// One transaction for many messages is what lets a consumer keep up with a bulk import.
    /// </summary>
    /// <returns>The messages that were applied now.</returns>
    public static async Task<IReadOnlyList<T>> ApplyOnceAsync<TDbContext, TConsumer, T>(
        this TDbContext db, ConsumeContext<Batch<T>> batch, TConsumer consumer, Func<IReadOnlyList<T>, CancellationToken, Task> apply)
        where TDbContext : DbContext
        where TConsumer : IInboxConsumer
        where T : class
    {
        var messages = batch.Message.Select(m => (Id: MessageIdOf(m), m.Message)).DistinctBy(m => m.Id).ToList();
        var fresh = await db.ApplyFreshAsync(
            messages.Select(m => m.Id).ToArray(),
            TConsumer.Name,
            (ids, ct) => apply(messages.Where(m => ids.Contains(m.Id)).Select(m => m.Message).ToList(), ct),
            batch.CancellationToken);
        return messages.Where(m => fresh.Contains(m.Id)).Select(m => m.Message).ToList();
    }

    private static Task<HashSet<Guid>> ApplyFreshAsync<TDbContext>(
        this TDbContext db, Guid[] messageIds, string consumerName, Func<HashSet<Guid>, CancellationToken, Task> apply,
        CancellationToken cancellationToken)
        where TDbContext : DbContext
    {
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Claims the ids in one statement: those already present (or being committed by a
            // concurrent duplicate, which this waits for) do not come back.
            var fresh = (await db.Database.SqlQuery<Guid>($"""
                    INSERT INTO inbox_messages (message_id, consumer, processed_at)
                    SELECT id, {consumerName}, now() FROM unnest({messageIds}) AS claimed(id)
                    ON CONFLICT DO NOTHING
                    RETURNING message_id AS "Value"
                    """).ToListAsync(ct)).ToHashSet();
            if (fresh.Count > 0)
            {
                await apply(fresh, ct);
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return fresh;
        }, cancellationToken);
    }

    private static Guid MessageIdOf(ConsumeContext context) =>
        context.MessageId ?? throw new InvalidOperationException("A message without a MessageId cannot be deduplicated.");
}
