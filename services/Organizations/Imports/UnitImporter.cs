using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Organizations.Data;
using PartyPlatform.Organizations.PartyOrganizations;
using PartyPlatform.Organizations.Scope;
using PartyPlatform.Organizations.Units;
using PartyPlatform.Requests;

namespace PartyPlatform.Organizations.Imports;

/// <summary>
/// Imports a tree all-or-nothing: every row is checked first, and one bad row rejects the batch
/// with every row's reason. A re-run of the same file changes nothing (rows matching an existing
/// unit count as unchanged, a new name renames), so an interrupted import is simply sent again.
/// </summary>
public sealed class UnitImporter(OrganizationsDb db, UnitScope scope, TimeProvider time, IOptions<UnitImportOptions> options)
{
    /// <summary>Each further attempt has lost a race to another import that has since committed, so a few suffice.</summary>
    private const int MaxAttempts = 3;

    public async Task<ImportResult> ImportAsync(IReadOnlyList<UnitImportRow> rows, CancellationToken ct)
    {
        // One import is one transaction: bounded, and refused whole before anything is looked at.
        if (rows.Count > options.Value.MaxRows)
        {
            throw new RuleViolationException("file", $"An import holds at most {options.Value.MaxRows} rows; this one has {rows.Count}. Split it.");
        }

        var errors = new Dictionary<string, string[]>();
        var parsed = Parse(rows, errors);

        // Two imports of overlapping files at once (two counties' files both naming the city, say) may both find a code
        // missing and create it: the later save hits the unique code, or the version of a unit both rename. Read again,
        // the same file finds those rows made and counts them unchanged, so the import is simply run again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ImportOnceAsync(parsed, rows.Count, new Dictionary<string, string[]>(errors), ct);
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts
                && (e is DbUpdateConcurrencyException || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<ImportResult> ImportOnceAsync(List<ParsedRow> parsed, int rowCount, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var codes = parsed.Select(r => r.Code).Concat(parsed.Select(r => r.ParentCode)).OfType<string>().Distinct().ToList();
        var existing = await db.Units.Where(u => u.Code != null && codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code!, ct);
        var byCode = new Dictionary<string, AdministrativeUnit>(existing);
        var now = time.GetUtcNow();
        int created = 0, renamed = 0, unchanged = 0, organizations = 0;

        // Parents before children, whatever order the file has.
        foreach (var row in parsed.OrderBy(r => UnitKinds.LevelOf(r.Kind)).ThenBy(r => r.Number))
        {
            try
            {
                AdministrativeUnit? parent = null;
                if (row.ParentCode is not null && !byCode.TryGetValue(row.ParentCode, out parent))
                {
                    throw new RuleViolationException("parentCode", $"No unit or row has code {row.ParentCode}.");
                }

                // Authorisation before rules: a batch reaching outside the caller's unit is refused whole (403).
                if (parent is null)
                {
                    scope.EnsureCityWide($"Row {row.Number}: a unit without a parent");
                }
                else
                {
                    await scope.EnsureBodyUnitAsync(parent.Path, $"Row {row.Number}: the parent {row.ParentCode}", ct);
                }

                if (existing.TryGetValue(row.Code, out var unit))
                {
                    await scope.EnsureBodyUnitAsync(unit.Path, $"Row {row.Number}: the unit {row.Code}", ct);
                    if (unit.Kind != row.Kind || unit.ParentId != parent?.Id)
                    {
                        throw new RuleViolationException(
                            "code", $"Code {row.Code} already belongs to the {unit.Kind} '{unit.Name}' under another parent or of another kind.");
                    }

                    if (unit.Rename(row.Name, now))
                    {
                        db.PublishOnCommit(unit.ToEvent(UnitChange.Renamed));
                        renamed++;
                    }
                    else
                    {
                        unchanged++;
                    }

                    continue;
                }

                unit = AdministrativeUnit.Create(row.Name, row.Kind, row.Code, parent, now);
                byCode[row.Code] = unit;
                db.Units.Add(unit);
                db.PublishOnCommit(unit.ToEvent(UnitChange.Created));
                created++;

                if (row.PartyOrganization is { } organizationName)
                {
                    var kind = row.Kind == UnitKind.Community ? PartyOrganizationKind.Community : PartyOrganizationKind.Village;
                    var organization = PartyOrganization.Create(organizationName, kind, unit, await db.CodeForAsync(kind, unit, ct), now);
                    db.PartyOrganizations.Add(organization);
                    db.PublishOnCommit(organization.ToEvent(UnitChange.Created));
                    organizations++;
                }
            }
            catch (RuleViolationException rule)
            {
                errors[$"rows[{row.Number}].{rule.Field}"] = [rule.Message];
            }
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            throw new UnitImportRejectedException(errors);
        }

        await db.SaveChangesAsync(ct);
        return new ImportResult(rowCount, created, renamed, unchanged, organizations);
    }

    private static List<ParsedRow> Parse(IReadOnlyList<UnitImportRow> rows, Dictionary<string, string[]> errors)
    {
        var parsed = new List<ParsedRow>(rows.Count);
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var number = i + 1;
            var row = rows[i];
            var code = row.Code?.Trim();
            var problems = new List<(string Field, string Message)>();

            if (string.IsNullOrEmpty(code))
            {
                problems.Add(("code", "An imported unit needs its division code."));
            }
            else if (!DivisionCode.IsValid(code))
            {
                problems.Add(("code", $"Division code '{code}' must be {DivisionCode.Length} digits."));
            }
            else if (!seen.TryAdd(code, number))
            {
                problems.Add(("code", $"Code {code} is also on row {seen[code]}."));
            }

            if (string.IsNullOrWhiteSpace(row.Name))
            {
                problems.Add(("name", "A unit needs a name."));
            }
            else if (RequestText.Problem(row.Name, AdministrativeUnit.MaxNameLength) is { } nameProblem)
            {
                problems.Add(("name", nameProblem));
            }

            if (!string.IsNullOrWhiteSpace(row.PartyOrganization) && RequestText.Problem(row.PartyOrganization, PartyOrganization.MaxNameLength) is { } organizationProblem)
            {
                problems.Add(("partyOrganization", organizationProblem));
            }

            // By name, not Enum.TryParse: that also reads "123" and "City, County" (the bitwise OR of both).
            var kindName = Enum.GetNames<UnitKind>().FirstOrDefault(n => string.Equals(n, row.Kind?.Trim(), StringComparison.OrdinalIgnoreCase));
            var kind = kindName is null ? default : Enum.Parse<UnitKind>(kindName);
            if (kindName is null)
            {
                problems.Add(("kind", $"Unknown kind '{row.Kind}'; expected one of {string.Join(", ", Enum.GetNames<UnitKind>())}."));
            }
            else if (row.PartyOrganization is { Length: > 0 } && kind is not (UnitKind.Village or UnitKind.Community))
            {
                problems.Add(("partyOrganization", "Only a village's or community's own Party organisation can be imported with it."));
            }

            var parentCode = string.IsNullOrWhiteSpace(row.ParentCode) ? null : row.ParentCode.Trim();
            if (problems.Count > 0)
            {
                foreach (var (field, message) in problems)
                {
                    errors[$"rows[{number}].{field}"] = [message];
                }

                continue;
            }

            var organization = string.IsNullOrWhiteSpace(row.PartyOrganization) ? null : row.PartyOrganization.Trim();
            parsed.Add(new ParsedRow(number, code!, row.Name!.Trim(), kind, parentCode, organization));
        }

        return parsed;
    }

    private sealed record ParsedRow(int Number, string Code, string Name, UnitKind Kind, string? ParentCode, string? PartyOrganization);
}
