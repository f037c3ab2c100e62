using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.Posts;

namespace PartyPlatform.Personnel.Profiles;

/// <summary>
/// Keeps the published village leadership in step with the data: after a write that can move it, the
/// village-secretary profiles of the units above the touched ones are recounted and each that moved publishes
/// <see cref="VillageSecretaryProfileChanged"/>, and each touched village whose leaders moved publishes
/// <see cref="VillageLeadersChanged"/>, in the same transaction.
/// </summary>
public static class ProfileTracker
{
    /// <summary>The terms whose change can move a published figure: the profile counts secretaries and directors, a village's leaders list its first secretary too.</summary>
    public static bool Counts(PostKind kind) => VillageLeadersChanged.Kinds.Contains(kind);

    /// <summary>The units of the terms about to be added that the figures count; read before SaveChanges, for a bulk write (an import, the demo).</summary>
    public static List<Guid> CountedUnitsAdded(this PersonnelDb db) =>
        [.. db.ChangeTracker.Entries<Post>().Where(e => e.State == EntityState.Added && Counts(e.Entity.Kind)).Select(e => e.Entity.UnitId).Distinct()];

    /// <summary>The units where <paramref name="people"/> hold a counted term now: a change of their details moves those units' figures.</summary>
    public static Task<List<Guid>> CountedUnitsOfAsync(this PersonnelDb db, IReadOnlyCollection<Guid> people, CancellationToken ct) =>
        db.Posts.Where(p => people.Contains(p.PersonId) && p.End == null && VillageLeadersChanged.Kinds.Contains(p.Kind))
            .Select(p => p.UnitId).Distinct().ToListAsync(ct);

    /// <summary>Within the caller's transaction, with its changes saved.</summary>
    public static async Task PublishLeadershipAsync(this PersonnelDb db, IReadOnlyCollection<Guid> touchedUnits, DateTimeOffset now, CancellationToken ct)
    {
        await db.PublishProfilesAsync(touchedUnits, now, ct);
        await db.PublishVillageLeadersAsync(touchedUnits, now, ct);
        await db.SaveChangesAsync(ct);
    }

    private static async Task PublishProfilesAsync(this PersonnelDb db, IReadOnlyCollection<Guid> touchedUnits, DateTimeOffset now, CancellationToken ct)
    {
        var affected = await db.WithAncestorsAsync(touchedUnits, ct);
        if (affected.Count == 0)
        {
            return;
        }

        await db.LockFiguresAsync(affected, ct);
        var ids = affected.Select(u => u.Id).ToArray();
        var snapshots = await db.ProfileSnapshots.Where(s => ids.Contains(s.UnitId)).ToDictionaryAsync(s => s.UnitId, ct);
        foreach (var profile in await SecretaryProfile.ForAsync(db, affected, ct))
        {
            if (!snapshots.TryGetValue(profile.Unit.Id, out var snapshot))
            {
                snapshot = ProfileSnapshot.For(profile.Unit.Id);
                db.ProfileSnapshots.Add(snapshot);
            }

            if (snapshot.Update(profile, now))
            {
                db.PublishOnCommit(snapshot.ToEvent());
            }
        }
    }
}
