using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Data;

public sealed class DashboardDb(DbContextOptions<DashboardDb> options) : DbContext(options)
{
    public DbSet<UnitReplica> Units => Set<UnitReplica>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddUnitReplicas();
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
    }
}
