using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Organizations.Data;
using PartyPlatform.Organizations.PartyOrganizations;

namespace PartyPlatform.Organizations.DemoData;

public static class DemoPartyOrganizations
{
    /// <summary>
    /// Adds <see cref="DemoCity.PartyOrganizations"/> to a demo city that has none of them yet: a
    /// fresh one, or one loaded before they existed. Townships the tree no longer has are skipped.
    /// </summary>
    /// <returns>How many were added.</returns>
    public static async Task<int> AddMissingAsync(OrganizationsDb db, TimeProvider time, CancellationToken ct)
    {
        if (await db.PartyOrganizations.AnyAsync(o => o.Kind == PartyOrganizationKind.Enterprise || o.Kind == PartyOrganizationKind.SocialOrganization, ct))
        {
            return 0;
        }

        var demo = DemoCity.PartyOrganizations();
        var codes = demo.Select(o => o.UnitCode).Distinct().ToList();
        var units = await db.Units.Where(u => u.Code != null && codes.Contains(u.Code) && !u.Retired).ToDictionaryAsync(u => u.Code!, ct);
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var (unitCode, name, kind) in demo)
        {
            if (units.TryGetValue(unitCode, out var unit))
            {
                var organization = PartyOrganization.Create(name, kind, unit, await db.CodeForAsync(kind, unit, ct), now);
                db.PartyOrganizations.Add(organization);
                db.PublishOnCommit(organization.ToEvent(UnitChange.Created));
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
    }
}
