using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Venues;

public static class HeldVenueFacts
{
    /// <summary>What the Dashboard's copies of Venues' facts hold, for the replay asked for at start.</summary>
    public static async Task<VenueFactsHeld> VenueFactsHeldAsync(this DashboardDb db, CancellationToken ct) => new(
        await db.VenueRecords.DigestAsync(v => v.Version, ct),
        await db.VenueCoverages.DigestAsync(c => c.Version, ct),
        new CopyDigest(await db.DeadlineFacts.LongCountAsync(ct), 0),
        await db.ProjectSchedules.DigestAsync(s => s.Version, ct),
        await db.VenueFundings.DigestAsync(f => f.Version, ct),
        await db.VenueCampaigns.DigestAsync(c => c.Version, ct));
}
