using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Venues.Baseline;
using PartyPlatform.Venues.Campaign;
using PartyPlatform.Venues.Coverage;
using PartyPlatform.Venues.Data;
using PartyPlatform.Venues.Funding;
using PartyPlatform.Venues.Projects;

namespace PartyPlatform.Venues.DemoData;

/// <summary>
/// Records every demo village's <see cref="DemoVillageVenue"/> (its baseline, and its project with funding) through
/// the same domain code and <see cref="CoverageTracker"/> as the API, so that every fact is published as a real
/// write's would be. A village with a baseline or a venue is left as it is, so a restart adds nothing.
/// </summary>
public sealed partial class DemoVenueLoader(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<DemoDataOptions> options, ILogger<DemoVenueLoader> logger) : DemoVillageLoader(time)
{
    /// <summary>Who the demo's baselines and state changes name as having recorded them.</summary>
    public const string Actor = "demo-data";

    /// <summary>What this run recorded, for the log.</summary>
    private readonly List<DemoVillageVenue> recorded = [];

    protected override TimeSpan CheckInterval => options.Value.CheckInterval;

    protected override void Loaded(int villages) =>
        LogLoaded(logger, recorded.Count, villages, recorded.Count(v => v.HadUsableVenue), recorded.Count(v => v.Project is not null));

    protected override void Failed(Exception exception) => LogFailed(logger, exception);

    protected override async Task<int> CountDemoVillagesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await DemoVillages(scope.ServiceProvider.GetRequiredService<VenuesDb>()).CountAsync(ct);
    }

    /// <summary>Records the next batch of villages with neither a baseline nor a venue, in one transaction.</summary>
    protected override async Task<int> LoadNextBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VenuesDb>();
        var villages = await DemoVillages(db)
            .Where(u => !db.Baselines.Any(b => b.VillageId == u.Id) && !db.Venues.Any(v => v.VillageId == u.Id))
            .OrderBy(u => u.Code)
            .Take(options.Value.BatchSize)
            .Select(u => new { u.Id, u.Code })
            .ToListAsync(ct);
        if (villages.Count == 0)
        {
            return 0;
        }

        var terms = await db.CampaignTermsAsync(ct);
        var now = Time.GetUtcNow();
        var batch = new List<DemoVillageVenue>(villages.Count);
        foreach (var village in villages)
        {
            var demo = DemoVillageVenue.For(village.Code!, terms.DayOf(now), terms.CitySubsidyPerNewBuild);
            db.Baselines.Add(VillageBaseline.Record(village.Id, demo.HadUsableVenue, null, Actor, now));
            if (demo.Project is { } project)
            {
                Build(db, village.Id, project, terms, now);
            }

            batch.Add(demo);
        }

        // Should another instance, or a person, record one of these villages meanwhile, the baseline's key or the
        // venue's unique village refuses the whole batch, and the next look leaves that village out.
        await scope.ServiceProvider.GetRequiredService<CoverageTracker>().SaveChangesAsync(villages.ConvertAll(v => v.Id), ct);
        recorded.AddRange(batch);
        return batch.Count;
    }

    /// <summary>Plans the venue and moves it step by step as the API would, each version published, then its funding.</summary>
    private static void Build(VenuesDb db, Guid villageId, DemoProject project, CampaignTerms terms, DateTimeOffset now)
    {
        var today = terms.DayOf(now);
        var venue = Venue.Plan(villageId, project.Description, project.PlannedOn, Actor, terms, now);
        VenueLifecycle.Add(db, venue, today, now);
        if (project.SiteChosenOn is { } chosen)
        {
            venue.CompleteMilestone(1, chosen, today);
            VenueLifecycle.Publish(db, venue, now);
        }

        foreach (var (state, on) in project.Steps)
        {
            VenueLifecycle.Advance(db, venue, state, on, Actor, null, terms, now);
            VenueLifecycle.Publish(db, venue, now);
        }

        foreach (var pledge in project.Pledges)
        {
            var line = FundingEntry.Pledge(venue.Id, pledge.Source, null, pledge.Pledged, project.PlannedOn, today);
            if (pledge.ArrivedOn is { } arrivedOn)
            {
                FundingEntry.RecordArrival(line, pledge.Arrived, arrivedOn, null, today);
            }

            db.FundingLines.Add(line);
        }

        // The rule added the city subsidy line when the new build was accepted.
        if (project.SubsidyArrivedOn is { } paidOn
            && db.FundingLines.Local.SingleOrDefault(l => l.VenueId == venue.Id && l.Source == FundingSource.CitySubsidy) is { } subsidy)
        {
            FundingEntry.RecordArrival(subsidy, subsidy.Pledged, paidOn, null, today);
        }
    }

    /// <summary>Rural villages in service whose names mark them as made up, as Organizations' demo city names them.</summary>
    private static IQueryable<UnitReplica> DemoVillages(VenuesDb db) =>
        db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Village && !u.Retired && u.Code != null && u.Name.EndsWith(DemoVillageVenue.SyntheticMark));

    [LoggerMessage(Level = LogLevel.Information,
        Message = "DemoData:Load is on: recorded {Recorded} demo villages (of {Villages} in the tree copy): {WithVenue} had a usable venue, {Projects} got a project")]
    private static partial void LogLoaded(ILogger logger, int recorded, int villages, int withVenue, int projects);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording the demo villages' venues failed; the loader looks again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
