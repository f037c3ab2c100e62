using Microsoft.EntityFrameworkCore;

namespace PartyPlatform.AdministrativeTree;

/// <summary>
/// Batches of tree events (units and Party organisations) apply to a service's copy one after the other, in every
/// process that shares the copy's database. A figure counted over the tree needs that order: a batch that adds a
/// village cannot see ancestors that another batch is still adding, and that batch's count cannot see the village, so
/// both would miss it for good; likewise a merge whose successor another batch is adding. In order, whichever batch
/// comes second sees the first's rows.
/// </summary>
public static class TreeCopyLock
{
    /// <summary>
    /// A pair of ints, which PostgreSQL keeps apart from the single 64-bit keys of the figures locks
    /// (<see cref="FigureUnits.LockKey"/>). The first is arbitrary (0x7472_6565, "tree").
    /// </summary>
    private const int Key = 0x7472_6565;

    /// <summary>Held until the caller's transaction ends.</summary>
    public static Task LockTreeCopyAsync(this DbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({Key}, 0)", ct);
}
