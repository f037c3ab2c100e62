using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.Posts;

namespace PartyPlatform.Personnel.Profiles;

/// <summary>
/// Keeps each township's, county's and city's published village-secretary profile in step with the data:
/// after a write that can move it, the profiles of the units above the touched ones are recounted and each
/// that moved publishes <see cref="VillageSecretaryProfileChanged"/> in the same transaction.
/// </summary>
public static class ProfileTracker
{
    /// <summary>The terms whose holders the profile counts.</summary>
    public static bool Counts(PostKind kind) => kind is PostKind.VillageSecretary or PostKind.VillageCommitteeDirector;

    /// <summary>The units of the terms about to be added that a profile counts; read before SaveChanges, for a bulk write (an import, the demo).</summary>
    public static List<Guid> CountedUnitsAdded(this PersonnelDb db) =>
        [.. db.ChangeTracker.Entries<Post>().Where(e => e.State == EntityState.Added && Counts(e.Entity.Kind)).Select(e => e.Entity.UnitId).Distinct()];

    /// <summary>Within the caller's transaction, with its changes saved.</summary>
    public static async Task PublishProfilesAsync(this PersonnelDb db, IReadOnlyCollection<Guid> touchedUnits, DateTimeOffset now, CancellationToken ct)
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

        await db.SaveChangesAsync(ct);
    }
}
