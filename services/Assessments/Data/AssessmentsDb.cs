using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Awards;
using PartyPlatform.Assessments.Commitments;
using PartyPlatform.Assessments.CountyScoring;
using PartyPlatform.Assessments.Deadline;
using PartyPlatform.Assessments.Facts;
using PartyPlatform.Assessments.Gradings;
using PartyPlatform.Assessments.Reports;
using PartyPlatform.Assessments.Rounds;
using PartyPlatform.Assessments.SpecialReports;
using PartyPlatform.Assessments.Targets;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging;

namespace PartyPlatform.Assessments.Data;

public sealed class AssessmentsDb(DbContextOptions<AssessmentsDb> options) : DbContext(options)
{
    public DbSet<UnitReplica> Units => Set<UnitReplica>();

    public DbSet<PartyOrganizationReplica> PartyOrganizations => Set<PartyOrganizationReplica>();

    public DbSet<GradingRound> Rounds => Set<GradingRound>();

    public DbSet<RoundOrganization> RoundOrganizations => Set<RoundOrganization>();

    public DbSet<Grading> Gradings => Set<Grading>();

    public DbSet<GradingStepRecord> GradingSteps => Set<GradingStepRecord>();

    public DbSet<GradingShortfall> Shortfalls => Set<GradingShortfall>();

    public DbSet<GradingTarget> Targets => Set<GradingTarget>();

    public DbSet<CountyAssessment> CountyAssessments => Set<CountyAssessment>();

    public DbSet<EnteredScore> EnteredScores => Set<EnteredScore>();

    public DbSet<CountyDeduction> CountyDeductions => Set<CountyDeduction>();

    public DbSet<CountyScore> CountyScores => Set<CountyScore>();

    public DbSet<AwardList> AwardLists => Set<AwardList>();

    public DbSet<SecretaryReport> SecretaryReports => Set<SecretaryReport>();

    public DbSet<SecretaryReportRating> SecretaryReportRatings => Set<SecretaryReportRating>();

    public DbSet<Commitment> Commitments => Set<Commitment>();

    public DbSet<CommitmentProgress> CommitmentProgress => Set<CommitmentProgress>();

    public DbSet<SpecialReport> SpecialReports => Set<SpecialReport>();

    public DbSet<FactCopy<VenueChanged>> Venues => Set<FactCopy<VenueChanged>>();

    public DbSet<FactCopy<VenueCoverageChanged>> VenueCoverages => Set<FactCopy<VenueCoverageChanged>>();

    public DbSet<VenueDeadlineFact> VenueDeadlineFacts => Set<VenueDeadlineFact>();

    public DbSet<FactCopy<OrganizationClassified>> Classifications => Set<FactCopy<OrganizationClassified>>();

    public DbSet<FactCopy<PostChanged>> Posts => Set<FactCopy<PostChanged>>();

    public DbSet<FactCopy<EligibilityFlagChanged>> EligibilityFlags => Set<FactCopy<EligibilityFlagChanged>>();

    public DbSet<FactCopy<WealthLeaderChanged>> WealthLeaders => Set<FactCopy<WealthLeaderChanged>>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddUnitReplicas();
        modelBuilder.AddPartyOrganizationReplicas();
        modelBuilder.ApplyConfiguration(new GradingRoundConfiguration());
        modelBuilder.ApplyConfiguration(new RoundOrganizationConfiguration());
        modelBuilder.ApplyConfiguration(new GradingConfiguration());
        modelBuilder.ApplyConfiguration(new GradingStepRecordConfiguration());
        modelBuilder.ApplyConfiguration(new GradingShortfallConfiguration());
        modelBuilder.ApplyConfiguration(new GradingTargetConfiguration());
        modelBuilder.ApplyConfiguration(new CountyAssessmentConfiguration());
        modelBuilder.ApplyConfiguration(new EnteredScoreConfiguration());
        modelBuilder.ApplyConfiguration(new CountyDeductionConfiguration());
        modelBuilder.ApplyConfiguration(new CountyScoreConfiguration());
        modelBuilder.ApplyConfiguration(new AwardListConfiguration());
        modelBuilder.ApplyConfiguration(new SecretaryReportConfiguration());
        modelBuilder.ApplyConfiguration(new SecretaryReportRatingConfiguration());
        modelBuilder.ApplyConfiguration(new CommitmentConfiguration());
        modelBuilder.ApplyConfiguration(new CommitmentProgressConfiguration());
        modelBuilder.ApplyConfiguration(new SpecialReportConfiguration());
        modelBuilder.ApplyConfiguration(new FactCopyConfiguration<VenueChanged>("venues"));
        modelBuilder.ApplyConfiguration(new FactCopyConfiguration<VenueCoverageChanged>("venue_coverages"));
        modelBuilder.ApplyConfiguration(new VenueDeadlineFactConfiguration());
        modelBuilder.ApplyConfiguration(new FactCopyConfiguration<OrganizationClassified>("classifications"));
        modelBuilder.ApplyConfiguration(new FactCopyConfiguration<PostChanged>("posts"));
        modelBuilder.ApplyConfiguration(new FactCopyConfiguration<EligibilityFlagChanged>("eligibility_flags"));
        modelBuilder.ApplyConfiguration(new FactCopyConfiguration<WealthLeaderChanged>("wealth_leaders"));
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
    }
}
