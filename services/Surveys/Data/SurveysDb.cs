using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Messaging;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Classification;
using PartyPlatform.Surveys.Evaluations;
using PartyPlatform.Surveys.Ingests;
using PartyPlatform.Surveys.Problems;
using PartyPlatform.Surveys.SpotChecks;
using PartyPlatform.Surveys.Visits;

namespace PartyPlatform.Surveys.Data;

public sealed class SurveysDb(DbContextOptions<SurveysDb> options) : DbContext(options)
{
    public DbSet<UnitReplica> Units => Set<UnitReplica>();

    public DbSet<PartyOrganizationReplica> PartyOrganizations => Set<PartyOrganizationReplica>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignOrganization> CampaignOrganizations => Set<CampaignOrganization>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<Evaluation> Evaluations => Set<Evaluation>();

    public DbSet<OrganizationClassification> Classifications => Set<OrganizationClassification>();

    public DbSet<SpotCheck> SpotChecks => Set<SpotCheck>();
    public DbSet<Problem> Problems => Set<Problem>();

    public DbSet<ProblemNote> ProblemNotes => Set<ProblemNote>();

    public DbSet<ProblemStep> ProblemSteps => Set<ProblemStep>();
    public DbSet<Ingest> Ingests => Set<Ingest>();

    public DbSet<IngestRejection> IngestRejections => Set<IngestRejection>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddUnitReplicas();
        modelBuilder.AddPartyOrganizationReplicas();
        modelBuilder.ApplyConfiguration(new CampaignConfiguration());
        modelBuilder.ApplyConfiguration(new CampaignOrganizationConfiguration());
        modelBuilder.ApplyConfiguration(new VisitConfiguration());
        modelBuilder.ApplyConfiguration(new EvaluationConfiguration());
        modelBuilder.ApplyConfiguration(new OrganizationClassificationConfiguration());
        modelBuilder.ApplyConfiguration(new SpotCheckConfiguration());
        modelBuilder.ApplyConfiguration(new ProblemConfiguration());
        modelBuilder.ApplyConfiguration(new ProblemNoteConfiguration());
        modelBuilder.ApplyConfiguration(new ProblemStepConfiguration());
        modelBuilder.ApplyConfiguration(new IngestConfiguration());
        modelBuilder.ApplyConfiguration(new IngestRejectionConfiguration());
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
    }
}
