using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Messaging;
using PartyPlatform.Personnel.People;
using PartyPlatform.Personnel.Posts;
using PartyPlatform.Personnel.WatchList;

namespace PartyPlatform.Personnel.Data;

public sealed class PersonnelDb(DbContextOptions<PersonnelDb> options) : DbContext(options)
{
    public DbSet<UnitReplica> Units => Set<UnitReplica>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<WatchListEntry> WatchList => Set<WatchListEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddUnitReplicas();
        modelBuilder.ApplyConfiguration(new PersonConfiguration());
        modelBuilder.ApplyConfiguration(new PostConfiguration());
        modelBuilder.ApplyConfiguration(new WatchListEntryConfiguration());
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
    }
}
