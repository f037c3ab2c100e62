using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Dashboard.Assessments;
using PartyPlatform.Dashboard.Personnel;
using PartyPlatform.Dashboard.Surveys;
using PartyPlatform.Dashboard.Venues;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Data;

public sealed class DashboardDb(DbContextOptions<DashboardDb> options) : DbContext(options)
{
    public DbSet<UnitReplica> Units => Set<UnitReplica>();

    public DbSet<PartyOrganizationReplica> PartyOrganizations => Set<PartyOrganizationReplica>();

    public DbSet<VenueCoverage> VenueCoverages => Set<VenueCoverage>();

    public DbSet<DeadlineFact> DeadlineFacts => Set<DeadlineFact>();

    public DbSet<VenueRecord> VenueRecords => Set<VenueRecord>();

    public DbSet<ProjectScheduleRecord> ProjectSchedules => Set<ProjectScheduleRecord>();

    public DbSet<VenueFunding> VenueFundings => Set<VenueFunding>();

    public DbSet<VenueCampaignRecord> VenueCampaigns => Set<VenueCampaignRecord>();

    public DbSet<SecretaryProfile> SecretaryProfiles => Set<SecretaryProfile>();

    public DbSet<VillageLeadersRecord> VillageLeaders => Set<VillageLeadersRecord>();

    public DbSet<GraduateOfficialRecord> GraduateOfficials => Set<GraduateOfficialRecord>();

    public DbSet<SurveyCampaignRecord> SurveyCampaigns => Set<SurveyCampaignRecord>();

    public DbSet<OrganizationVisitRecord> OrganizationVisits => Set<OrganizationVisitRecord>();

    public DbSet<ProblemRecord> Problems => Set<ProblemRecord>();

    public DbSet<ClassificationRecord> Classifications => Set<ClassificationRecord>();

    public DbSet<GradingRecord> Gradings => Set<GradingRecord>();

    public DbSet<GradingTargetRecord> GradingTargets => Set<GradingTargetRecord>();

    public DbSet<CountyScoreRecord> CountyScores => Set<CountyScoreRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddUnitReplicas();
        modelBuilder.AddPartyOrganizationReplicas();
        modelBuilder.ApplyConfiguration(new VenueCoverageConfiguration());
        modelBuilder.ApplyConfiguration(new DeadlineFactConfiguration());
        modelBuilder.ApplyConfiguration(new VenueRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ProjectScheduleRecordConfiguration());
        modelBuilder.ApplyConfiguration(new VenueFundingConfiguration());
        modelBuilder.ApplyConfiguration(new VenueCampaignRecordConfiguration());
        modelBuilder.ApplyConfiguration(new SecretaryProfileConfiguration());
        modelBuilder.ApplyConfiguration(new VillageLeadersRecordConfiguration());
        modelBuilder.ApplyConfiguration(new GraduateOfficialRecordConfiguration());
        modelBuilder.ApplyConfiguration(new SurveyCampaignRecordConfiguration());
        modelBuilder.ApplyConfiguration(new OrganizationVisitRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ProblemRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ClassificationRecordConfiguration());
        modelBuilder.ApplyConfiguration(new GradingRecordConfiguration());
        modelBuilder.ApplyConfiguration(new GradingTargetRecordConfiguration());
        modelBuilder.ApplyConfiguration(new CountyScoreRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ReadModelRebuildConfiguration());
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
    }
}
