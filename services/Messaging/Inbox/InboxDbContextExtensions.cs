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
    /// <returns>false when the message had already been applied.</returns>
    public static Task<bool> ApplyOnceAsync<TDbContext>(
        this TDbContext db, ConsumeContext context, object consumer, Func<CancellationToken, Task> apply)
        where TDbContext : DbContext
    {
        var messageId = context.MessageId
                        ?? throw new InvalidOperationException("A message without a MessageId cannot be deduplicated.");
        var consumerName = consumer.GetType().Name;

        return db.Database.CreateExecutionStrategy().ExecuteAsync(async cancellationToken =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var recorded = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumerName}, now()) ON CONFLICT DO NOTHING",
                cancellationToken);
            if (recorded == 0)
            {
                return false;
            }

            await apply(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, context.CancellationToken);
    }
}
