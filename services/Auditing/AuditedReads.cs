using Microsoft.EntityFrameworkCore;

namespace PartyPlatform.Auditing;

public static class AuditedReads
{
    public const string ReadAction = "Read";

    /// <summary>
    /// Records that the current caller read <paramref name="entity"/>'s <paramref name="fields"/>, as a write is
    /// recorded: personal information seen unmasked (个人信息保护法) leaves the same trail as a change. Saved with
    /// the next SaveChanges.
    /// </summary>
    public static void AuditRead<TEntity>(this DbContext db, TEntity entity, params string[] fields) where TEntity : class
    {
        var entry = db.Entry(entity);
        var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue);
        var write = AuditInterceptor.Of(db).CurrentWrite();
        db.Set<AuditEntry>().Add(AuditInterceptor.Entry(write, entry.Metadata, key, ReadAction, new { fields }));
    }
}
