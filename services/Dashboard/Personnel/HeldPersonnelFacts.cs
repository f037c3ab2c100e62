using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Personnel;

public static class HeldPersonnelFacts
{
    /// <summary>What the Dashboard's copies of Personnel's facts hold, for the replay asked for at start; the kinds it does not copy stay unnamed.</summary>
    public static async Task<PersonnelFactsHeld> PersonnelFactsHeldAsync(this DashboardDb db, CancellationToken ct) => new(
        GraduateOfficials: await db.GraduateOfficials.DigestAsync(o => o.Version, ct),
        Profiles: await db.SecretaryProfiles.DigestAsync(p => p.Version, ct),
        VillageLeaders: await db.VillageLeaders.DigestAsync(l => l.Version, ct));
}
