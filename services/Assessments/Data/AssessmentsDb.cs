using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Deadline;
using PartyPlatform.Assessments.Gradings;
using PartyPlatform.Assessments.Rounds;
using PartyPlatform.Assessments.Targets;
using PartyPlatform.Auditing;
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
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
    }
}
