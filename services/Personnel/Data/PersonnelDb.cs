using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Messaging;
using PartyPlatform.Personnel.Management;
using PartyPlatform.Personnel.People;
using PartyPlatform.Personnel.Posts;
using PartyPlatform.Personnel.ReserveTalent;

namespace PartyPlatform.Personnel.Data;

public sealed class PersonnelDb(DbContextOptions<PersonnelDb> options) : DbContext(options)
{
    public DbSet<UnitReplica> Units => Set<UnitReplica>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<TrainingCourse> TrainingCourses => Set<TrainingCourse>();

    public DbSet<ManagementRecord> ManagementRecords => Set<ManagementRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddUnitReplicas();
        modelBuilder.ApplyConfiguration(new PersonConfiguration());
        modelBuilder.ApplyConfiguration(new PostConfiguration());
        modelBuilder.ApplyConfiguration(new TrainingCourseConfiguration());
        modelBuilder.ApplyConfiguration(new ManagementRecordConfiguration());
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
    }
}
