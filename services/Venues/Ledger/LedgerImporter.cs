using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Security;
using PartyPlatform.Venues.Campaign;
using PartyPlatform.Venues.Coverage;
using PartyPlatform.Venues.Data;
using PartyPlatform.Venues.Funding;
using PartyPlatform.Venues.Projects;

namespace PartyPlatform.Venues.Ledger;

/// <summary>
/// Imports a county's venue ledger all-or-nothing: every row is checked and applied first, and one
/// bad row rejects the batch with every row's reason. A row creates its village's venue, or brings
/// the existing one up to the row (its description, and the states it has not reached yet); a row
/// that matches what is recorded changes nothing, so the same file can be sent again.
/// </summary>
public sealed class LedgerImporter(VenuesDb db, ReplicaScope scope, CoverageTracker coverage, AuditActor actor, TimeProvider time)
{
    /// <summary>The note of the state changes a row without a note records.</summary>
    public const string DefaultNote = "ledger import";

    private enum Outcome
    {
        Created,
        Updated,
        Unchanged,
    }

    public async Task<LedgerImportResult> ImportAsync(IReadOnlyList<LedgerLine> lines, CancellationToken ct)
    {
        var terms = (await db.CampaignTermsAsync(ct));
        var now = time.GetUtcNow();
        var units = await UnitsAsync(lines, ct);
        var errors = new Dictionary<string, string[]>();
        var rows = new List<(LedgerRow Row, Guid VillageId)>();
        var seen = new Dictionary<string, int>();

        foreach (var line in lines)
        {
            var (row, problems) = LedgerRow.Parse(line.Number, line.Record, terms.DayOf(now));
            if (LedgerRow.VillageCodeOf(line.Record) is { } code)
            {
                if (!units.TryGetValue(code, out var unit))
                {
                    problems[LedgerColumns.VillageCode] = $"No village has code {code}.";
                }
                else if (unit.Kind != UnitKind.Village)
                {
                    problems[LedgerColumns.VillageCode] = $"{code} is the {unit.Kind} '{unit.Name}', not a rural village.";
                }
                else if (!seen.TryAdd(code, line.Number))
                {
                    problems[LedgerColumns.VillageCode] = $"Village {code} is also on row {seen[code]}.";
                }
            }

            AddErrors(errors, line.Number, problems);
            if (row is not null && problems.Count == 0)
            {
                rows.Add((row, units[row.VillageCode].Id));
            }
        }

        var villageIds = rows.ConvertAll(r => r.VillageId);
        var venues = await db.Venues.Where(v => villageIds.Contains(v.VillageId)).ToDictionaryAsync(v => v.VillageId, ct);
        var outcomes = new List<Outcome>();
        var moved = new List<Guid>();
        foreach (var (row, villageId) in rows)
        {
            var venue = venues.GetValueOrDefault(villageId);
            var problems = venue is null ? new Dictionary<string, string>() : row.Contradictions(venue);
            if (problems.Count == 0)
            {
                try
                {
                    var state = venue?.State;
                    var outcome = venue is null ? Create(row, villageId, terms, now) : Update(row, venue, terms, now);
                    outcomes.Add(outcome);
                    if (outcome == Outcome.Created || row.State != state)
                    {
                        moved.Add(villageId);
                    }
                }
                catch (RuleViolationException rule)
                {
                    problems[rule.Field] = rule.Message;
                }
            }

            AddErrors(errors, row.Number, problems);
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            throw new LedgerImportRejectedException(errors);
        }

        if (outcomes.Any(o => o != Outcome.Unchanged))
        {
            await SaveAsync(moved, ct);
        }

        return new LedgerImportResult(
            lines.Count, outcomes.Count(o => o == Outcome.Created), outcomes.Count(o => o == Outcome.Updated), outcomes.Count(o => o == Outcome.Unchanged));
    }

    /// <summary>
    /// The units the rows name, by code. Authorisation before rules: a row naming a unit outside the
    /// caller's refuses the whole batch (403), whatever else is wrong with it.
    /// </summary>
    private async Task<Dictionary<string, UnitReplica>> UnitsAsync(IReadOnlyList<LedgerLine> lines, CancellationToken ct)
    {
        var codes = lines.Select(l => LedgerRow.VillageCodeOf(l.Record)).OfType<string>().Distinct().ToList();
        var units = (await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code!) && !u.Retired).ToListAsync(ct))
            .DistinctBy(u => u.Code).ToDictionary(u => u.Code!);
        // In file order, so that the first row outside is the one named.
        var rows = lines.Select(l => (l.Number, Code: LedgerRow.VillageCodeOf(l.Record)))
            .Where(r => r.Code is not null && units.ContainsKey(r.Code))
            .DistinctBy(r => units[r.Code!].Id)
            .ToDictionary(r => units[r.Code!].Id);
        await scope.EnsureBodyUnitsAsync(rows.Keys, id => $"Row {rows[id].Number}: the village {rows[id].Code}", ct);

        return units;
    }

    private Outcome Create(LedgerRow row, Guid villageId, CampaignTerms terms, DateTimeOffset now)
    {
        var venue = Venue.Plan(villageId, row.Description, row.DateOf(VenueState.Planned), actor.Id, terms, now);
        VenueLifecycle.Add(db, venue, terms.DayOf(now), now);
        Advance(row, venue, terms, now);
        return Outcome.Created;
    }

    private Outcome Update(LedgerRow row, Venue venue, CampaignTerms terms, DateTimeOffset now)
    {
        var outcome = Outcome.Unchanged;
        if (!row.Describes(venue))
        {
            venue.Describe(row.Description);
            VenueLifecycle.Publish(db, venue, now);
            outcome = Outcome.Updated;
        }

        if (row.State > venue.State)
        {
            Advance(row, venue, terms, now);
            outcome = Outcome.Updated;
        }

        return outcome;
    }

    /// <summary>Moves the venue through each state after its own up to the row's, on the row's days.</summary>
    private void Advance(LedgerRow row, Venue venue, CampaignTerms terms, DateTimeOffset now)
    {
        var from = venue.State;
        foreach (var state in Enum.GetValues<VenueState>().Where(s => s > from && s <= row.State))
        {
            try
            {
                VenueLifecycle.Advance(db, venue, state, row.DateOf(state), actor.Id, row.Note ?? DefaultNote, terms, now);
                VenueLifecycle.Publish(db, venue, now);
            }
            catch (RuleViolationException rule) when (rule.Field == "on")
            {
                throw new RuleViolationException(LedgerColumns.DateOf(state), rule.Message);
            }
        }
    }

    private async Task SaveAsync(IReadOnlyCollection<Guid> movedVillages, CancellationToken ct)
    {
        try
        {
            await coverage.SaveChangesAsync(movedVillages, ct);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException("Another write gave one of these villages a venue or a subsidy meanwhile; send the ledger again.");
        }
    }

    private static void AddErrors(Dictionary<string, string[]> errors, int number, Dictionary<string, string> problems)
    {
        foreach (var (column, message) in problems)
        {
            errors[$"rows[{number}].{column}"] = [message];
        }
    }
}
