using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Messaging;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Ingests;
using PartyPlatform.Surveys.Visits;

namespace PartyPlatform.Surveys.Data;

public sealed class SurveysDb(DbContextOptions<SurveysDb> options) : DbContext(options)
{
    public DbSet<UnitReplica> Units => Set<UnitReplica>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignOrganization> CampaignOrganizations => Set<CampaignOrganization>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<Ingest> Ingests => Set<Ingest>();

    public DbSet<IngestRejection> IngestRejections => Set<IngestRejection>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddUnitReplicas();
        modelBuilder.ApplyConfiguration(new CampaignConfiguration());
        modelBuilder.ApplyConfiguration(new CampaignOrganizationConfiguration());
        modelBuilder.ApplyConfiguration(new VisitConfiguration());
        modelBuilder.ApplyConfiguration(new IngestConfiguration());
        modelBuilder.ApplyConfiguration(new IngestRejectionConfiguration());
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
    }
}
