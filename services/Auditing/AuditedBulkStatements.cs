using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace PartyPlatform.Auditing;

/// <summary>
/// Set-based statements that bypass the change tracker, and so the audit interceptor, recorded in the
/// audit all the same: one entry per changed row, as SaveChanges would have written it, in the
/// statement's own transaction.
/// </summary>
public static class AuditedBulkStatements
{
    /// <summary>
    /// Sets <paramref name="property"/> of every row of <paramref name="rows"/> to <paramref name="value"/>
    /// with one UPDATE, and adds an audit entry per row with the value before and after. The values
    /// after are computed by the database from the same expression just before the UPDATE, in the
    /// same transaction. The entries are written by the next SaveChanges; the caller's transaction
    /// (required) commits or rolls back them with the statement.
    /// </summary>
    /// <returns>The number of rows updated.</returns>
    public static async Task<int> ExecuteUpdateAuditedAsync<TEntity, TValue>(
        this IQueryable<TEntity> rows, DbContext db, Expression<Func<TEntity, TValue>> property, Expression<Func<TEntity, TValue>> value,
        CancellationToken cancellationToken)
        where TEntity : class
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An audited bulk statement runs in a transaction, so that it and its audit commit together.");
        }

        var interceptor = AuditInterceptor.Of(db);
        var entityType = db.Model.FindEntityType(typeof(TEntity))
                         ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not an entity of {db.GetType().Name}.");
        var name = (property.Body as MemberExpression)?.Member.Name
                   ?? throw new ArgumentException("The property must be a property of the entity, as e => e.Path.", nameof(property));
        var before = entityType.FindProperty(name)!.GetGetter();
        var key = entityType.FindPrimaryKey()!.Properties.Select(p => p.GetGetter()).ToList();

        var changes = await rows.AsNoTracking().Select(WithValueAfter(value)).ToListAsync(cancellationToken);
        var updated = await rows.ExecuteUpdateAsync(setters => setters.SetProperty(property, value), cancellationToken);

        var write = interceptor.CurrentWrite();
        db.Set<AuditEntry>().AddRange(changes
            .Where(change => !Equals(before.GetClrValue(change.Row), change.After))
            .Select(change => AuditInterceptor.Entry(
                write,
                entityType,
                key.Select(k => k.GetClrValue(change.Row)),
                nameof(EntityState.Modified),
                new Dictionary<string, object> { [name] = interceptor.Change(name, before.GetClrValue(change.Row), change.After) })));
        return updated;
    }

    /// <summary>row => new RowAfter(row, value(row)): the row as it is and what the UPDATE will make of it.</summary>
    private static Expression<Func<TEntity, RowAfter<TEntity, TValue>>> WithValueAfter<TEntity, TValue>(Expression<Func<TEntity, TValue>> value)
    {
        var row = value.Parameters[0];
        var constructor = typeof(RowAfter<TEntity, TValue>).GetConstructor([typeof(TEntity), typeof(TValue)])!;
        return Expression.Lambda<Func<TEntity, RowAfter<TEntity, TValue>>>(Expression.New(constructor, row, value.Body), row);
    }

    private sealed record RowAfter<TEntity, TValue>(TEntity Row, TValue After);
}
