using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Dashboard.Venues;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Data;

public sealed class DashboardDb(DbContextOptions<DashboardDb> options) : DbContext(options)
{
    public DbSet<UnitReplica> Units => Set<UnitReplica>();

    public DbSet<VenueCoverage> VenueCoverages => Set<VenueCoverage>();

    public DbSet<DeadlineFact> DeadlineFacts => Set<DeadlineFact>();

    public DbSet<VenueRecord> VenueRecords => Set<VenueRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddUnitReplicas();
        modelBuilder.ApplyConfiguration(new VenueCoverageConfiguration());
        modelBuilder.ApplyConfiguration(new DeadlineFactConfiguration());
        modelBuilder.ApplyConfiguration(new VenueRecordConfiguration());
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
    }
}
