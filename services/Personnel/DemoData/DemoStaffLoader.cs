using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.People;
using PartyPlatform.Personnel.Posts;
using PartyPlatform.Personnel.Profiles;
using PartyPlatform.Personnel.ReserveTalent;

namespace PartyPlatform.Personnel.DemoData;

/// <summary>
/// Gives every demo village of the tree copy its <see cref="DemoVillageStaff"/>. A village that has anybody
/// registered on it is left as it is, so a restart adds nobody twice.
/// </summary>
public sealed partial class DemoStaffLoader(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<DemoDataOptions> options, IOptions<ReserveTalentOptions> reserve,
    ILogger<DemoStaffLoader> logger) : DemoVillageLoader(time)
{
    /// <summary>The demo city's village terms began at the 2021 elections (换届); its reserves were named since.</summary>
    private static readonly DateOnly TermStart = new(2021, 3, 1);

    private static readonly DateOnly ReserveStart = new(2024, 1, 1);

    /// <summary>Villages this run staffed, for the log.</summary>
    private int staffed;

    protected override TimeSpan CheckInterval => options.Value.CheckInterval;

    protected override void Loaded(int villages) => LogLoaded(logger, staffed, villages);

    protected override void Failed(Exception exception) => LogFailed(logger, exception);

    protected override async Task<int> CountDemoVillagesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await DemoVillages(scope.ServiceProvider.GetRequiredService<PersonnelDb>()).CountAsync(ct);
    }

    /// <summary>Staffs the next batch of villages nobody is registered on, in one transaction; how many.</summary>
    protected override async Task<int> LoadNextBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PersonnelDb>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // One loader at a time, should two instances start together.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended('personnel:demo-staff', 0))", ct);
            var villages = await DemoVillages(db)
                .Where(u => !db.People.Any(p => p.UnitId == u.Id))
                .OrderBy(u => u.Code)
                .Take(options.Value.BatchSize)
                .ToListAsync(ct);
            var now = Time.GetUtcNow();
            var today = scope.ServiceProvider.GetRequiredService<CityCalendar>().Today;
            foreach (var village in villages)
            {
                var staff = DemoVillageStaff.For(village.Code!, reserve.Value.PerVillageTarget);
                var secretary = Register(db, village, staff.Secretary, today, now);
                await PostOpening.BeginAsync(db, village, secretary.Id, PostKind.VillageSecretary, TermStart, now, ct);
                var director = staff.Director is { } details ? Register(db, village, details, today, now) : secretary;
                await PostOpening.BeginAsync(db, village, director.Id, PostKind.VillageCommitteeDirector, TermStart, now, ct);
                foreach (var talent in staff.ReserveTalent)
                {
                    await PostOpening.BeginAsync(db, village, Register(db, village, talent, today, now).Id, PostKind.ReserveTalent, ReserveStart, now, ct);
                }
            }

            var counted = db.CountedUnitsAdded();
            await db.SaveChangesAsync(ct);
            await db.PublishLeadershipAsync(counted, now, ct);
            await transaction.CommitAsync(ct);
            staffed += villages.Count;
            return villages.Count;
        });
    }

    private static Person Register(PersonnelDb db, UnitReplica village, PersonDetails details, DateOnly today, DateTimeOffset now)
    {
        var person = Person.Register(village.Id, details, today);
        db.People.Add(person);
        db.PublishIfWealthLeader(person, now);
        return person;
    }

    /// <summary>Villages and communities in service whose names mark them as made up, as Organizations' demo city names them.</summary>
    private static IQueryable<UnitReplica> DemoVillages(PersonnelDb db) =>
        db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.Village && !u.Retired && u.Code != null && u.Name.EndsWith(DemoVillageStaff.SyntheticMark));

    [LoggerMessage(Level = LogLevel.Information, Message = "DemoData:Load is on: staffed {Staffed} demo villages (of {Villages} in the tree copy) with made-up people")]
    private static partial void LogLoaded(ILogger logger, int staffed, int villages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staffing the demo villages failed; the loader looks again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
