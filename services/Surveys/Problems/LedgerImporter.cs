using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Spreadsheets;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Data;
using Column = PartyPlatform.Surveys.Problems.LedgerSheetColumns;

namespace PartyPlatform.Surveys.Problems;

/// <summary>
/// Imports a campaign's ledger all-or-nothing: every row is checked first, by the rules of <c>POST problems</c>, and
/// one bad row rejects the file with every row's reason. A row the ledger holds already (same organisation, kind,
/// category, day and words) changes nothing, so the same file can be sent again.
/// </summary>
public sealed class LedgerImporter(SurveysDb db, ReplicaScope scope, IOptions<LedgerOptions> options, AuditActor actor, TimeProvider time)
{
    public const string DateFormat = "yyyy-MM-dd";

    public async Task<LedgerImportResult> ImportAsync(Campaign campaign, IReadOnlyList<SheetLine> lines, CancellationToken ct)
    {
        var organizations = await OrganizationsAsync(campaign, lines, ct);
        var counties = await db.CountiesOfAsync([.. organizations.Values.Select(o => o.UnitId)], ct);
        var organizationIds = organizations.Values.Select(o => o.OrganizationId).ToList();
        var recorded = (await db.Problems.AsNoTracking().Where(p => p.CampaignId == campaign.Id && organizationIds.Contains(p.OrganizationId))
            .Select(p => new { p.OrganizationId, p.Kind, p.Category, p.RaisedOn, p.Said }).ToListAsync(ct))
            .Select(p => (p.OrganizationId, p.Kind, p.Category, p.RaisedOn, p.Said)).ToHashSet();
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var raised = new List<Problem>();
        var seen = new Dictionary<(Guid, ProblemKind, string, DateOnly, string), int>();
        var unchanged = 0;
        foreach (var line in lines)
        {
            var problems = new Dictionary<string, string>();
            var organization = Organization(line, organizations, campaign, problems);
            var kind = Kind(line, problems);
            var category = Category(line, problems);
            var day = Day(line, problems);
            var said = Said(line, problems);
            if (problems.Count == 0)
            {
                var key = (organization!.OrganizationId, kind!.Value, category!.Code, day!.Value, said!);
                if (!seen.TryAdd(key, line.Number))
                {
                    problems[Column.Said] = $"The same problem is on row {seen[key]}: one row per problem.";
                }
                else if (recorded.Contains(key))
                {
                    unchanged++;
                }
                else
                {
                    try
                    {
                        raised.Add(Problem.Raise(campaign, organization, counties[organization.UnitId], kind.Value, category.Code, said!, day.Value, actor.Id, now));
                    }
                    catch (RuleViolationException violation)
                    {
                        problems[violation.Field] = violation.Message;
                    }
                }
            }

            SheetRejectedException.Collect(errors, line.Number, problems);
        }

        if (errors.Count > 0)
        {
            throw new SheetRejectedException(errors);
        }

        await db.RaiseAsync(campaign.Id, raised, options.Value.WidespreadThreshold, now, ct);
        return new LedgerImportResult(lines.Count, raised.Count, unchanged);
    }

    /// <summary>
    /// The campaign's organisations the rows name, by code. Authorisation before rules: a row naming an organisation
    /// outside the caller's unit refuses the whole file with 403, whatever else is wrong with it.
    /// </summary>
    private async Task<Dictionary<string, CampaignOrganization>> OrganizationsAsync(Campaign campaign, IReadOnlyList<SheetLine> lines, CancellationToken ct)
    {
        var codes = lines.Select(l => l[Column.OrganizationCode]).OfType<string>().Distinct().ToList();
        var organizations = await db.CampaignOrganizations.AsNoTracking()
            .Where(o => o.CampaignId == campaign.Id && o.SucceededBy == null && codes.Contains(o.OrganizationCode))
            .ToDictionaryAsync(o => o.OrganizationCode, ct);
        // In file order, so that the first row outside is the one named.
        var rows = lines.Where(l => l[Column.OrganizationCode] is { } code && organizations.ContainsKey(code))
            .DistinctBy(l => organizations[l[Column.OrganizationCode]!].UnitId).ToDictionary(l => organizations[l[Column.OrganizationCode]!].UnitId);
        await scope.EnsureBodyUnitsAsync(rows.Keys, id => $"Row {rows[id].Number}: the organisation {rows[id][Column.OrganizationCode]}", ct);
        return organizations;
    }

    private static CampaignOrganization? Organization(SheetLine line, Dictionary<string, CampaignOrganization> organizations, Campaign campaign, Dictionary<string, string> problems)
    {
        if (line[Column.OrganizationCode] is not { } code)
        {
            problems[Column.OrganizationCode] = "Required: the organisation's code.";
            return null;
        }

        if (!organizations.TryGetValue(code, out var organization))
        {
            problems[Column.OrganizationCode] = $"No organisation with code '{code}' is in the campaign '{campaign.Name}'.";
        }

        return organization;
    }

    private static ProblemKind? Kind(SheetLine line, Dictionary<string, string> problems)
    {
        if (line[Column.Kind] is { } text && !int.TryParse(text, out _) && Enum.TryParse<ProblemKind>(text, ignoreCase: true, out var kind))
        {
            return kind;
        }

        problems[Column.Kind] = $"Required: {string.Join(" or ", Enum.GetNames<ProblemKind>())}, not '{line[Column.Kind]}'.";
        return null;
    }

    private LedgerCategory? Category(SheetLine line, Dictionary<string, string> problems)
    {
        try
        {
            return options.Value.EnsureCategory(line[Column.Category] ?? "", Column.Category);
        }
        catch (RuleViolationException violation)
        {
            problems[Column.Category] = violation.Message;
            return null;
        }
    }

    private static DateOnly? Day(SheetLine line, Dictionary<string, string> problems)
    {
        if (DateOnly.TryParseExact(line[Column.RaisedOn], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems[Column.RaisedOn] = $"Required: a day as {DateFormat}, not '{line[Column.RaisedOn]}'.";
        return null;
    }

    private static string? Said(SheetLine line, Dictionary<string, string> problems)
    {
        if (line[Column.Said] is { Length: <= Problem.MaxSaidLength } said)
        {
            return said;
        }

        problems[Column.Said] = $"Required: what the people said, at most {Problem.MaxSaidLength} characters.";
        return null;
    }
}
