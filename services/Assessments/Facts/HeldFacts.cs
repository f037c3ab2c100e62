using Microsoft.EntityFrameworkCore;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Contracts;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging;

namespace PartyPlatform.Assessments.Facts;

/// <summary>What Assessments' copies of other services' facts hold, for the replays asked for at start.</summary>
public static class HeldFacts
{
    public static async Task<VenueFactsHeld> VenueFactsHeldAsync(this AssessmentsDb db, CancellationToken ct) => new(
        await db.Venues.DigestAsync(v => v.Version, ct),
        await db.VenueCoverages.DigestAsync(c => c.Version, ct),
        new CopyDigest(await db.VenueDeadlineFacts.LongCountAsync(ct), 0));

    public static async Task<SurveysFactsHeld> SurveysFactsHeldAsync(this AssessmentsDb db, CancellationToken ct) => new(
        Classifications: await db.Classifications.DigestAsync(c => c.Version, ct));

    public static async Task<PersonnelFactsHeld> PersonnelFactsHeldAsync(this AssessmentsDb db, CancellationToken ct) => new(
        Posts: await db.Posts.DigestAsync(p => p.Version, ct),
        EligibilityFlags: await db.EligibilityFlags.DigestAsync(f => f.Version, ct),
        WealthLeaders: await db.WealthLeaders.DigestAsync(w => w.Version, ct));
}
