using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.People;
using PartyPlatform.Spreadsheets;

namespace PartyPlatform.Personnel.Imports;

/// <summary>
/// The people of some units as sheet rows in <see cref="PeopleSheetColumns"/> order: one row per running
/// term (a person without one gets a row with the post left empty), the ID number and phone masked
/// exactly as every read masks them. Read in batches of people in registration order, so a city's
/// export is many small queries and never one giant one.
/// </summary>
public sealed class PeopleSheetExport(PersonnelDb db, int batchSize)
{
    public async IAsyncEnumerable<IReadOnlyList<string?>> RowsAsync(IQueryable<UnitReplica> units, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var people = db.People.AsNoTracking().Where(p => units.Any(u => u.Id == p.UnitId));
        Guid? after = null;
        while (true)
        {
            var batch = await (after is { } last ? people.Where(p => p.Id > last) : people).OrderBy(p => p.Id).Take(batchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                yield break;
            }

            after = batch[^1].Id;
            var ids = batch.ConvertAll(p => p.Id);
            var terms = (await db.Posts.AsNoTracking().Where(p => ids.Contains(p.PersonId) && p.End == null).OrderBy(p => p.Start).ToListAsync(ct))
                .ToLookup(p => p.PersonId);
            var unitIds = batch.Select(p => p.UnitId).Concat(terms.SelectMany(t => t).Select(p => p.UnitId)).Distinct().ToList();
            var named = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
            foreach (var person in batch)
            {
                var unit = named[person.UnitId];
                var running = terms[person.Id].ToList();
                foreach (var term in running.Count > 0 ? running.ConvertAll(t => (Posts.Post?)t) : [null])
                {
                    yield return
                    [
                        person.Name, person.Gender.ToString(), Day(person.BirthDate), person.Ethnicity, person.Education.ToString(),
                        person.JoinedPartyOn is { } joined ? Day(joined) : null, person.Source.ToString(),
                        PersonalInformationMask.IdNumber(person.IdNumber), PersonalInformationMask.Phone(person.Phone),
                        unit.Code, unit.Name, term?.Kind.ToString(), term is null ? null : Day(term.Start),
                        term is null || term.UnitId == person.UnitId ? null : named[term.UnitId].Code,
                    ];
                }
            }
        }
    }

    private static string Day(DateOnly day) => day.ToString(PeopleSheetRow.DateFormat, CultureInfo.InvariantCulture);
}
