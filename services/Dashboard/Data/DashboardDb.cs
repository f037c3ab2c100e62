using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;
using PartyPlatform.Dashboard.Tree;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Data;

public sealed class DashboardDb(DbContextOptions<DashboardDb> options) : DbContext(options)
{
    public DbSet<UnitReplica> Units => Set<UnitReplica>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new UnitReplicaConfiguration());
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
    }
}
