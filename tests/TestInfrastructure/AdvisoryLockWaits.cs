using Microsoft.EntityFrameworkCore;

namespace PartyPlatform.TestInfrastructure;

/// <summary>
/// Transactions of a test's own database waiting for an advisory lock: how a test sees a write stop at the lock it
/// holds, before it lets the write go on.
/// </summary>
public static class AdvisoryLockWaits
{
    /// <param name="pairKey">A lock keyed by a pair of ints (the tree copy's), else by one 64-bit key (a unit's figures).</param>
    public static Task<int> CountAsync(DbContext db, bool pairKey, CancellationToken ct) =>
        db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM pg_locks
            WHERE locktype = 'advisory' AND NOT granted AND objsubid = {(pairKey ? 2 : 1)}
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """).SingleAsync(ct);
}
