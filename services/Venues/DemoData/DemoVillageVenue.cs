using System.Globalization;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Venues.Funding;
using PartyPlatform.Venues.Projects;

namespace PartyPlatform.Venues.DemoData;

/// <summary>
/// The made-up venue record of one demo village: whether its baseline (摸底) says it had a usable venue
/// and, for about a quarter of those without, its construction project. The same every run: everything
/// is drawn from a random sequence seeded with the village code, and days are counted back from today.
/// </summary>
public sealed record DemoVillageVenue(bool HadUsableVenue, DemoProject? Project)
{
    public const string SyntheticMark = "（示例）";

    private static readonly (VenueState State, int Weight)[] TargetStates =
    [
        (VenueState.Planned, 25), (VenueState.UnderConstruction, 35), (VenueState.Completed, 20), (VenueState.Accepted, 15), (VenueState.InUse, 5),
    ];

    /// <summary>Each state after planning, with the days it takes to reach from the one before (at least, at most).</summary>
    private static readonly (VenueState State, int MinDays, int MaxDays)[] Stages =
    [
        (VenueState.UnderConstruction, 10, 40), (VenueState.Completed, 60, 100), (VenueState.Accepted, 10, 25), (VenueState.InUse, 5, 20),
    ];

    /// <param name="subsidy">The city subsidy per new build, which the local pledges are sized by.</param>
    public static DemoVillageVenue For(string villageCode, DateOnly today, decimal subsidy)
    {
        var random = new Random((int)(long.Parse(villageCode, CultureInfo.InvariantCulture) % int.MaxValue));
        if (random.Next(100) < BaselineSharePercent(villageCode))
        {
            return new DemoVillageVenue(true, null);
        }

        return new DemoVillageVenue(false, random.Next(4) == 0 ? Draw(random, today, subsidy) : null);
    }

    /// <summary>45 to 75 % of a county's villages had a usable venue, fixed per county so that the counties rank differently.</summary>
    private static int BaselineSharePercent(string villageCode) =>
        45 + (int)(long.Parse(villageCode.AsSpan(0, 6), CultureInfo.InvariantCulture) * 7 % 31);

    private static DemoProject Draw(Random random, DateOnly today, decimal subsidy)
    {
        var target = Pick(random, TargetStates);
        var kind = random.Next(10) < 7 ? VenueKind.NewBuild : VenueKind.Renovation;
        var floorArea = 10m * (kind == VenueKind.NewBuild ? random.Next(20, 51) : random.Next(15, 36));
        var functions = Enum.GetValues<VenueFunction>().Where(f => f == VenueFunction.PartyActivity || random.Next(2) == 0).ToList();
        var rooms = Enum.GetValues<IntegratedRoom>().Where(_ => random.Next(3) > 0).ToList();
        var plannedOn = today.AddDays(-random.Next(150, 301));
        // Half the projects still only planned have not chosen their site: behind on the first milestone once its day passed.
        DateOnly? siteChosenOn = target > VenueState.Planned || random.Next(2) == 0 ? NotAfter(plannedOn.AddDays(random.Next(15, 41)), today) : null;

        var steps = new List<(VenueState State, DateOnly On)>();
        var day = siteChosenOn ?? plannedOn;
        foreach (var (state, minDays, maxDays) in Stages.Where(s => s.State <= target))
        {
            day = NotAfter(day.AddDays(random.Next(minDays, maxDays + 1)), today);
            steps.Add((state, day));
        }

        var (arrivedFrom, arrivedTo) = target switch
        {
            VenueState.Planned => (0, 30),
            VenueState.UnderConstruction => (30, 80),
            _ => (60, 100),
        };
        var countyPledge = Yuan(subsidy * random.Next(5, 16) / 10);
        var pledges = new List<DemoPledge> { Pledge(FundingSource.CountyFinance, countyPledge, random.Next(arrivedFrom, arrivedTo + 1)) };
        if (random.Next(2) == 0)
        {
            pledges.Add(Pledge(FundingSource.Township, Yuan(subsidy * random.Next(2, 6) / 10), random.Next(2) * 100));
        }

        // The city pays part of its subsidies some weeks after acceptance; the rule records the rest as the gap.
        DateOnly? subsidyArrivedOn = target >= VenueState.Accepted && random.Next(10) < 6
            ? NotAfter(steps.First(s => s.State == VenueState.Accepted).On.AddDays(random.Next(10, 41)), today)
            : null;
        return new DemoProject(new VenueDescription(kind, floorArea, functions, rooms), plannedOn, siteChosenOn, steps, pledges, subsidyArrivedOn);

        DemoPledge Pledge(FundingSource source, decimal pledged, int arrivedPercent) =>
            arrivedPercent == 0
                ? new DemoPledge(source, pledged, 0, null)
                : new DemoPledge(source, pledged, Yuan(pledged * arrivedPercent / 100), NotAfter(plannedOn.AddDays(random.Next(20, 121)), today));
    }

    /// <summary>Whole hundreds of yuan, as budgets are written.</summary>
    private static decimal Yuan(decimal amount) => Math.Round(amount / 100) * 100;

    private static DateOnly NotAfter(DateOnly day, DateOnly today) => day > today ? today : day;

    private static VenueState Pick(Random random, (VenueState State, int Weight)[] weighted)
    {
        var roll = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (state, weight) in weighted)
        {
            if ((roll -= weight) < 0)
            {
                return state;
            }
        }

        return VenueState.Planned;
    }
}

/// <summary>
/// A demo village's project: what it builds, the day it was planned and its site chosen (the first milestone;
/// null if not yet), the states it reached and when, the local pledges, and when the city's subsidy arrived.
/// </summary>
public sealed record DemoProject(
    VenueDescription Description, DateOnly PlannedOn, DateOnly? SiteChosenOn, IReadOnlyList<(VenueState State, DateOnly On)> Steps,
    IReadOnlyList<DemoPledge> Pledges, DateOnly? SubsidyArrivedOn);

/// <summary>Money pledged from one source on the day the project was planned, and what of it arrived when (null: none yet).</summary>
public sealed record DemoPledge(FundingSource Source, decimal Pledged, decimal Arrived, DateOnly? ArrivedOn);
