using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Messaging;
using PartyPlatform.Venues.Baseline;
using PartyPlatform.Venues.Campaign;
using PartyPlatform.Venues.Coverage;
using PartyPlatform.Venues.Deadline;
using PartyPlatform.Venues.Funding;
using PartyPlatform.Venues.Projects;
using PartyPlatform.Venues.Standards;

namespace PartyPlatform.Venues.Data;

public sealed class VenuesDb(DbContextOptions<VenuesDb> options) : DbContext(options)
{
    public DbSet<UnitReplica> Units => Set<UnitReplica>();

    public DbSet<Campaign.Campaign> Campaigns => Set<Campaign.Campaign>();

    public DbSet<VillageBaseline> Baselines => Set<VillageBaseline>();

    public DbSet<BaselineVerification> BaselineVerifications => Set<BaselineVerification>();

    public DbSet<Venue> Venues => Set<Venue>();

    public DbSet<FundingLine> FundingLines => Set<FundingLine>();

    public DbSet<ChecklistVersion> Checklists => Set<ChecklistVersion>();

    public DbSet<Inspection> Inspections => Set<Inspection>();

    public DbSet<CoverageSnapshot> CoverageSnapshots => Set<CoverageSnapshot>();

    public DbSet<FundingSnapshot> FundingSnapshots => Set<FundingSnapshot>();

    public DbSet<DeadlineReckoning> DeadlineReckonings => Set<DeadlineReckoning>();

    /// <summary>The campaign terms in force (deadline, milestones, subsidy), read for one request.</summary>
    public async Task<CampaignTerms> CampaignTermsAsync(CancellationToken ct) => (await Campaigns.AsNoTracking().SingleAsync(ct)).Terms;

    /// <summary>The city's calendar day now, in the campaign's time zone.</summary>
    public async Task<DateOnly> TodayAsync(TimeProvider time, CancellationToken ct) => (await CampaignTermsAsync(ct)).Today(time);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddUnitReplicas();
        modelBuilder.ApplyConfiguration(new CampaignConfiguration());
        modelBuilder.ApplyConfiguration(new VillageBaselineConfiguration());
        modelBuilder.ApplyConfiguration(new BaselineVerificationConfiguration());
        modelBuilder.ApplyConfiguration(new VenueConfiguration());
        modelBuilder.ApplyConfiguration(new FundingLineConfiguration());
        modelBuilder.ApplyConfiguration(new ChecklistVersionConfiguration());
        modelBuilder.ApplyConfiguration(new InspectionConfiguration());
        modelBuilder.ApplyConfiguration(new CoverageSnapshotConfiguration());
        modelBuilder.ApplyConfiguration(new FundingSnapshotConfiguration());
        modelBuilder.ApplyConfiguration(new DeadlineReckoningConfiguration());
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
    }
}
