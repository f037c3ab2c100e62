using Microsoft.EntityFrameworkCore;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Assessments.Rounds;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Contracts.Venues;

namespace PartyPlatform.Assessments.Awards;

/// <summary>
/// A year's candidates for one list, ranked across the city, from the round's results and the copies of the other
/// services' facts. The rank is city-wide, so every candidate is scored here and a page is cut afterwards: a city has
/// a few hundred townships, a few thousand villages and wealth leaders, each read in one query per kind of fact.
/// </summary>
public sealed class AwardCandidates(AssessmentsDb db, CityCalendar calendar)
{
    private sealed record Unit(Guid Id, Guid? ParentId, UnitLevel Level, string? Code, string Name, bool Retired);

    private sealed record Village(Guid OrganizationId, Guid UnitId, Grade? Result, AwardCandidate Candidate);

    public async Task<List<RankedCandidate>> RankAsync(GradingRound round, AwardKind kind, AwardOptions options, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking()
            .Select(u => new Unit(u.Id, u.ParentId, u.Level, u.Code, u.Name, u.Retired)).ToDictionaryAsync(u => u.Id, ct);
        // A classification counts for the year it was made in, in the city's time zone.
        var yearEnd = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(new DateTime(round.Year + 1, 1, 1), calendar.Zone));
        var classes = (await db.Classifications.AsNoTracking().Where(c => c.Fact.OccurredAt < yearEnd)
                .Select(c => new { c.Fact.OrganizationId, c.Fact.UnitId, c.Fact.Class, c.Fact.OccurredAt }).ToListAsync(ct))
            .GroupBy(c => c.OrganizationId).Select(g => g.MaxBy(c => c.OccurredAt)!).ToList();
        var villages = await VillagesAsync(round, units, classes.ToDictionary(c => c.OrganizationId, c => c.Class), options.Village, ct);
        return AwardRanking.Rank(kind switch
        {
            AwardKind.Villages => villages.Select(v => v.Candidate),
            AwardKind.Townships => await TownshipsAsync(round, units, villages,
                classes.Select(c => (c.UnitId, c.Class)).ToList(), options.Township, ct),
            _ => await WealthLeadersAsync(units, villages, ct),
        });
    }

    private async Task<List<Village>> VillagesAsync(
        GradingRound round, Dictionary<Guid, Unit> units, Dictionary<Guid, OrganizationClass> classes, VillageScoreRule rule, CancellationToken ct)
    {
        var organizations = await (
            from o in db.InService(round.Id, db.Units)
            join g in db.Gradings on new { o.RoundId, o.OrganizationId } equals new { g.RoundId, g.OrganizationId } into gradings
            from g in gradings.DefaultIfEmpty()
            select new { o.OrganizationId, o.UnitId, Result = g != null && g.Step >= GradingStep.CountyDecided ? (Grade?)g.Grade : null }).ToListAsync(ct);
        var venues = (await db.Venues.AsNoTracking().Where(v => v.Fact.State == VenueState.Accepted || v.Fact.State == VenueState.InUse)
                .Select(v => new { v.Fact.VillageId, v.Fact.StateDate }).ToListAsync(ct))
            .GroupBy(v => v.VillageId).ToDictionary(g => g.Key, g => g.Min(v => v.StateDate));
        return organizations.ConvertAll(o =>
        {
            var unit = units[o.UnitId];
            var facts = new VillageFacts(round.Year, o.Result, venues.TryGetValue(o.UnitId, out var since) ? since : null,
                classes.TryGetValue(o.OrganizationId, out var found) ? found : null);
            return new Village(o.OrganizationId, o.UnitId, o.Result,
                new AwardCandidate(o.UnitId, unit.Code, unit.Name, o.OrganizationId, null, unit.Code ?? "", AwardRules.Village(facts, rule)));
        });
    }

    private async Task<List<AwardCandidate>> TownshipsAsync(
        GradingRound round, Dictionary<Guid, Unit> units, List<Village> villages, List<(Guid UnitId, OrganizationClass Class)> classes,
        TownshipScoreRule rule, CancellationToken ct)
    {
        Guid? TownshipOf(Guid unitId) => units.GetValueOrDefault(unitId) switch
        {
            { Level: UnitLevel.Township } township => township.Id,
            { ParentId: { } parent } when units.GetValueOrDefault(parent) is { Level: UnitLevel.Township } => parent,
            _ => null,
        };

        var lastDay = new DateOnly(round.Year, 12, 31);
        var coverages = await db.VenueCoverages.AsNoTracking().Where(c => c.Fact.Level == UnitLevel.Township)
            .ToDictionaryAsync(c => c.Id, c => c.Fact.CoveragePercent, ct);
        var missed = (await db.VenueDeadlineFacts.AsNoTracking().Where(f => f.Fact.Level == UnitLevel.Township && f.Fact.Deadline <= lastDay)
                .Select(f => new { f.Fact.UnitId, f.Fact.Deadline, f.Fact.CoveragePercent }).ToListAsync(ct))
            .ToLookup(f => f.UnitId, f => new DeadlineMiss(f.Deadline, f.CoveragePercent));
        var flags = (await db.EligibilityFlags.AsNoTracking().Where(f => f.Fact.LiftedOn == null && f.Fact.Kind == EligibilityKind.CityAwards)
                .Select(f => new { f.Fact.UnitId, f.Fact.Reason, f.Fact.FlaggedOn }).ToListAsync(ct))
            .OrderBy(f => f.FlaggedOn).ToLookup(f => f.UnitId, f => f.Reason);
        var results = villages.ToLookup(v => TownshipOf(v.UnitId));
        var classified = classes.ToLookup(c => TownshipOf(c.UnitId));
        return units.Values.Where(u => u.Level == UnitLevel.Township && !u.Retired).Select(township =>
        {
            var facts = new TownshipFacts(
                results[township.Id].Count(), results[township.Id].Count(v => v.Result is Grade.Good or Grade.FairlyGood),
                coverages.TryGetValue(township.Id, out var coverage) ? coverage : null,
                classified[township.Id].Count(), classified[township.Id].Count(c => c.Class == OrganizationClass.Good),
                [.. missed[township.Id].OrderBy(m => m.Deadline)], [.. flags[township.Id]]);
            return new AwardCandidate(township.Id, township.Code, township.Name, null, null, township.Code ?? "", AwardRules.Township(facts, rule));
        }).ToList();
    }

    private async Task<List<AwardCandidate>> WealthLeadersAsync(Dictionary<Guid, Unit> units, List<Village> villages, CancellationToken ct)
    {
        var scores = villages.GroupBy(v => v.UnitId).ToDictionary(g => g.Key, g => g.Max(v => v.Candidate.Assessment.Score));
        var leaders = await db.WealthLeaders.AsNoTracking().Select(w => w.Fact).ToListAsync(ct);
        return leaders.ConvertAll(leader =>
        {
            var unit = units.GetValueOrDefault(leader.UnitId);
            // The longer a Party member, the earlier among equal scores; a non-member is excluded anyway.
            var tieBreak = $"{leader.JoinedPartyOn?.ToString("yyyy-MM-dd") ?? "~"}|{leader.PersonId}";
            return new AwardCandidate(leader.UnitId, unit?.Code, unit?.Name ?? "", null, leader.PersonId, tieBreak,
                AwardRules.WealthLeader(leader, scores.TryGetValue(leader.UnitId, out var score) ? score : null));
        });
    }
}
