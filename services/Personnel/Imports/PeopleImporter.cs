using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.People;
using PartyPlatform.Personnel.Posts;
using PartyPlatform.Personnel.Profiles;
using PartyPlatform.Spreadsheets;

namespace PartyPlatform.Personnel.Imports;

/// <summary>
/// Imports people and their terms all-or-nothing: every row is checked first, by the rules of
/// <c>POST /people</c> and <c>POST /posts</c>, and one bad row rejects the batch with every row's reason.
/// A person is known by ID number and a term by (person, unit, kind, start): a row matching what is
/// recorded changes nothing, so the same file can be sent again; an import never changes a person.
/// </summary>
public sealed class PeopleImporter(PersonnelDb db, ReplicaScope scope, CityCalendar calendar, TimeProvider time)
{
    /// <summary>Ids per query, well under PostgreSQL's bound on parameters.</summary>
    private const int Chunk = 5000;

    public async Task<PeopleImportResult> ImportAsync(IReadOnlyList<SheetLine> lines, CancellationToken ct)
    {
        var units = await UnitsAsync(lines, ct);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await PostOpening.LockForImportAsync(db, ct);
            var result = await ApplyAsync(lines, units, ct);
            var counted = db.CountedUnitsAdded();
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                throw new ConflictException("Another write registered one of these ID numbers meanwhile; send the file again.");
            }

            await db.PublishLeadershipAsync(counted, time.GetUtcNow(), ct);

            await transaction.CommitAsync(ct);
            return result;
        });
    }

    private async Task<PeopleImportResult> ApplyAsync(IReadOnlyList<SheetLine> lines, Dictionary<string, UnitReplica> units, CancellationToken ct)
    {
        var today = calendar.Today;
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var rows = new List<(PeopleSheetRow Row, UnitReplica Unit, UnitReplica? PostUnit)>();
        var seen = new Dictionary<string, int>();
        foreach (var line in lines)
        {
            var (row, problems) = PeopleSheetRow.Parse(line, today);
            if (row is not null)
            {
                var unit = Unit(units, row.UnitCode, PeopleSheetColumns.UnitCode, problems);
                var postUnit = row.PostKind is null ? null : Unit(units, row.PostUnitCode, PeopleSheetColumns.PostUnitCode, problems);
                if (row.PostKind is { } kind && unit is not null && postUnit is not null)
                {
                    Check(problems, row.PostUnitCode == row.UnitCode ? PeopleSheetColumns.UnitCode : PeopleSheetColumns.PostUnitCode, () =>
                    {
                        PostOpening.CheckUnit(postUnit, kind, PeopleSheetColumns.PostKind);
                        PostRules.CheckHolder(kind, unit.Level);
                    });
                }

                if (!seen.TryAdd(row.Details.IdNumber.Value, line.Number))
                {
                    problems[PeopleSheetColumns.IdNumber] = $"The same ID number is on row {seen[row.Details.IdNumber.Value]}: one row per person.";
                }

                if (problems.Count == 0)
                {
                    rows.Add((row, unit!, postUnit));
                }
            }

            SheetRejectedException.Collect(errors, line.Number, problems);
        }

        var people = await PeopleAsync([.. rows.Select(r => r.Row.Details.IdNumber.Value)], ct);
        var terms = await TermsAsync([.. rows.Where(r => r.PostUnit is not null).Select(r => r.PostUnit!.Id).Distinct()], ct);
        int registered = 0, peopleUnchanged = 0, begun = 0, postsUnchanged = 0;
        foreach (var (row, unit, postUnit) in rows)
        {
            var problems = new Dictionary<string, string>();
            var person = people.GetValueOrDefault(row.Details.IdNumber.Value);
            if (person is null)
            {
                person = Person.Register(unit.Id, row.Details, today);
                db.People.Add(person);
                db.PublishIfWealthLeader(person, now);
                registered++;
            }
            else if (person.IsRegisteredAs(unit.Id, row.Details))
            {
                peopleUnchanged++;
            }
            else
            {
                // As POST /people says it: not where, nor with what, since the record may be outside the caller's unit.
                problems[PeopleSheetColumns.IdNumber] = "A person with this ID number is registered already, with other details or on another unit; an import does not change a person.";
            }

            if (problems.Count == 0 && row.PostKind is { } kind && postUnit is not null)
            {
                var onUnit = terms.GetValueOrDefault((postUnit.Id, kind)) ?? [];
                if (onUnit.Any(p => p.PersonId == person.Id && p.Start == row.PostStart))
                {
                    postsUnchanged++;
                }
                else
                {
                    Check(problems, PeopleSheetColumns.PostStart, () =>
                    {
                        onUnit.Add(PostOpening.Begin(db, postUnit, onUnit, person.Id, kind, row.PostStart!.Value, now));
                        terms[(postUnit.Id, kind)] = onUnit;
                        begun++;
                    });
                }
            }

            SheetRejectedException.Collect(errors, row.Number, problems);
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            throw new SheetRejectedException(errors);
        }

        return new PeopleImportResult(lines.Count, registered, peopleUnchanged, begun, postsUnchanged);
    }

    /// <summary>A rule of the API, its refusal kept as the row's problem under <paramref name="column"/> ("unitId" is the unit's column).</summary>
    private static void Check(Dictionary<string, string> problems, string column, Action rule)
    {
        try
        {
            rule();
        }
        catch (RuleViolationException violation)
        {
            problems[violation.Field == "unitId" ? column : violation.Field == "personId" ? PeopleSheetColumns.PostKind : violation.Field] = violation.Message;
        }
        catch (ConflictException conflict)
        {
            problems[column] = conflict.Message;
        }
    }

    private static UnitReplica? Unit(Dictionary<string, UnitReplica> units, string code, string column, Dictionary<string, string> problems)
    {
        if (!units.TryGetValue(code, out var unit))
        {
            problems[column] = $"No unit has code {code}.";
            return null;
        }

        if (unit.Retired)
        {
            problems[column] = $"'{unit.Name}' ({code}) is retired (merged away): people and posts go on units in service.";
            return null;
        }

        return unit;
    }

    /// <summary>
    /// The units the rows name, by code (the one in service where a retired unit had the same code).
    /// Authorisation before rules: a row naming a unit outside the caller's refuses the whole batch (403),
    /// whatever else is wrong with it.
    /// </summary>
    private async Task<Dictionary<string, UnitReplica>> UnitsAsync(IReadOnlyList<SheetLine> lines, CancellationToken ct)
    {
        var named = lines.SelectMany(l => new[] { (l.Number, Code: l[PeopleSheetColumns.UnitCode]), (l.Number, Code: l[PeopleSheetColumns.PostUnitCode]) })
            .Where(n => n.Code is not null).ToList();
        var codes = named.Select(n => n.Code!).Distinct().ToList();
        var units = (await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code!)).ToListAsync(ct))
            .OrderBy(u => u.Retired).DistinctBy(u => u.Code).ToDictionary(u => u.Code!);
        // In file order, so that the first row outside is the one named.
        var rows = named.Where(n => units.ContainsKey(n.Code!)).DistinctBy(n => units[n.Code!].Id).ToDictionary(n => units[n.Code!].Id);
        await scope.EnsureBodyUnitsAsync(rows.Keys, id => $"Row {rows[id].Number}: the unit {rows[id].Code}", ct);
        return units;
    }

    private async Task<Dictionary<string, Person>> PeopleAsync(IReadOnlyList<string> idNumbers, CancellationToken ct)
    {
        var people = new Dictionary<string, Person>();
        foreach (var chunk in idNumbers.Chunk(Chunk))
        {
            foreach (var person in await db.People.AsNoTracking().Where(p => chunk.Contains(p.IdNumber)).ToListAsync(ct))
            {
                people[person.IdNumber] = person;
            }
        }

        return people;
    }

    /// <summary>Every term on the units the rows post people to, by unit and kind: the ones a new term may overlap, and the ones a row may repeat.</summary>
    private async Task<Dictionary<(Guid Unit, PostKind Kind), List<Post>>> TermsAsync(IReadOnlyList<Guid> unitIds, CancellationToken ct)
    {
        var terms = new Dictionary<(Guid, PostKind), List<Post>>();
        foreach (var chunk in unitIds.Chunk(Chunk))
        {
            foreach (var post in await db.Posts.AsNoTracking().Where(p => chunk.Contains(p.UnitId)).ToListAsync(ct))
            {
                terms.TryAdd((post.UnitId, post.Kind), []);
                terms[(post.UnitId, post.Kind)].Add(post);
            }
        }

        return terms;
    }
}
