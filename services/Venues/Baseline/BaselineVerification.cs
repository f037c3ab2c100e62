namespace PartyPlatform.Venues.Baseline;

/// <summary>A county vouched for its villages' baseline (核实底子): who, when, and what the figures were then.</summary>
public sealed class BaselineVerification
{
    public Guid CountyId { get; private set; }

    public string VerifiedBy { get; private set; } = "";

    public DateTimeOffset VerifiedAt { get; private set; }

    public int Villages { get; private set; }

    public int VillagesWithUsableVenue { get; private set; }

    public static BaselineVerification Of(Guid countyId, int villages, int withUsableVenue, string actor, DateTimeOffset now) =>
        new() { CountyId = countyId, Villages = villages, VillagesWithUsableVenue = withUsableVenue, VerifiedBy = actor, VerifiedAt = now };

    /// <summary>Vouched for again: the new figures replace the old ones (the audit keeps the old).</summary>
    public void Renew(int villages, int withUsableVenue, string actor, DateTimeOffset now)
    {
        Villages = villages;
        VillagesWithUsableVenue = withUsableVenue;
        VerifiedBy = actor;
        VerifiedAt = now;
    }
}
