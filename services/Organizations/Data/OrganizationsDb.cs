using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;
using PartyPlatform.Messaging;
using PartyPlatform.Organizations.PartyOrganizations;
using PartyPlatform.Organizations.Units;

namespace PartyPlatform.Organizations.Data;

public sealed class OrganizationsDb(DbContextOptions<OrganizationsDb> options) : DbContext(options)
{
    public DbSet<AdministrativeUnit> Units => Set<AdministrativeUnit>();

    public DbSet<UnitHistoryEntry> UnitHistory => Set<UnitHistoryEntry>();

    public DbSet<PartyOrganization> PartyOrganizations => Set<PartyOrganization>();

    public DbSet<PartyOrganizationCodeSequence> PartyOrganizationCodeSequences => Set<PartyOrganizationCodeSequence>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new AdministrativeUnitConfiguration());
        modelBuilder.ApplyConfiguration(new UnitHistoryEntryConfiguration());
        modelBuilder.ApplyConfiguration(new PartyOrganizationConfiguration());
        modelBuilder.ApplyConfiguration(new PartyOrganizationCodeSequenceConfiguration());
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
    }
}
