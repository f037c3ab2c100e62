using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Messaging;
using PartyPlatform.Personnel.GraduateOfficials;
using PartyPlatform.Personnel.Management;
using PartyPlatform.Personnel.Merges;
using PartyPlatform.Personnel.People;
using PartyPlatform.Personnel.Posts;
using PartyPlatform.Personnel.Profiles;
using PartyPlatform.Personnel.ReserveTalent;
using PartyPlatform.Personnel.TownshipSecretaries;
using PartyPlatform.Personnel.WatchList;

namespace PartyPlatform.Personnel.Data;

public sealed class PersonnelDb(DbContextOptions<PersonnelDb> options) : DbContext(options)
{
    public DbSet<UnitReplica> Units => Set<UnitReplica>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<EligibilityFlag> EligibilityFlags => Set<EligibilityFlag>();

    public DbSet<TownshipVacancy> TownshipVacancies => Set<TownshipVacancy>();

    public DbSet<SecretaryChange> SecretaryChanges => Set<SecretaryChange>();

    public DbSet<Reposting> Repostings => Set<Reposting>();

    public DbSet<ProfileSnapshot> ProfileSnapshots => Set<ProfileSnapshot>();

    public DbSet<VillageLeadersSnapshot> VillageLeaders => Set<VillageLeadersSnapshot>();

    public DbSet<WatchListEntry> WatchList => Set<WatchListEntry>();

    public DbSet<SurveyClassification> SurveyClassifications => Set<SurveyClassification>();

    public DbSet<AssessmentGrading> AssessmentGradings => Set<AssessmentGrading>();

    public DbSet<GraduateOfficial> GraduateOfficials => Set<GraduateOfficial>();

    public DbSet<GraduateOfficialActivity> GraduateOfficialActivities => Set<GraduateOfficialActivity>();

    public DbSet<AttendanceMonth> GraduateOfficialAttendance => Set<AttendanceMonth>();

    public DbSet<WorkReport> GraduateOfficialReports => Set<WorkReport>();
    public DbSet<TrainingCourse> TrainingCourses => Set<TrainingCourse>();

    public DbSet<ManagementRecord> ManagementRecords => Set<ManagementRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddUnitReplicas();
        modelBuilder.ApplyConfiguration(new PersonConfiguration());
        modelBuilder.ApplyConfiguration(new PostConfiguration());
        modelBuilder.ApplyConfiguration(new EligibilityFlagConfiguration());
        modelBuilder.ApplyConfiguration(new TownshipVacancyConfiguration());
        modelBuilder.ApplyConfiguration(new SecretaryChangeConfiguration());
        modelBuilder.ApplyConfiguration(new RepostingConfiguration());
        modelBuilder.ApplyConfiguration(new ProfileSnapshotConfiguration());
        modelBuilder.ApplyConfiguration(new VillageLeadersSnapshotConfiguration());
        modelBuilder.ApplyConfiguration(new WatchListEntryConfiguration());
        modelBuilder.ApplyConfiguration(new SurveyClassificationConfiguration());
        modelBuilder.ApplyConfiguration(new AssessmentGradingConfiguration());
        modelBuilder.ApplyConfiguration(new GraduateOfficialConfiguration());
        modelBuilder.ApplyConfiguration(new GraduateOfficialActivityConfiguration());
        modelBuilder.ApplyConfiguration(new AttendanceMonthConfiguration());
        modelBuilder.ApplyConfiguration(new WorkReportConfiguration());
        modelBuilder.ApplyConfiguration(new TrainingCourseConfiguration());
        modelBuilder.ApplyConfiguration(new ManagementRecordConfiguration());
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
    }
}
