using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Contracts;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Assessments.Facts;

/// <summary>
/// Keeps the newest version of each entity of one kind of fact, in batches: an import or a replay sends thousands
/// at once. Each kind has a consumer of its own (<typeparamref name="TSelf"/>) for its queue and inbox name.
/// </summary>
public abstract class FactCopier<TFact, TSelf>(AssessmentsDb db) : IConsumer<Batch<TFact>>
    where TFact : class, IVersionedEvent
    where TSelf : FactCopier<TFact, TSelf>, IInboxConsumer
{
    public Task Consume(ConsumeContext<Batch<TFact>> context) =>
        db.ApplyOnceAsync(context, (TSelf)this, async (changes, ct) =>
        {
            var copies = db.Set<FactCopy<TFact>>();
            var ids = changes.Select(c => c.EntityId).Distinct().ToArray();
            // Row locks first, so two batches touching one entity apply one after the other (ApplyNewestAsync).
            // Apart from the read: FromSql does not find a complex property's columns under their snake-case names.
            var lockRows = "SELECT 1 FROM " + db.Model.FindEntityType(typeof(FactCopy<TFact>))!.GetTableName() + " WHERE id = ANY({0}) FOR UPDATE";
            await db.Database.ExecuteSqlRawAsync(lockRows, [ids], ct);
            await copies.ApplyNewestAsync(changes, held => copies.Where(c => held.Contains(c.Id)), ct);
        });
}
