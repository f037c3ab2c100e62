using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Spreadsheets;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Data;
using Column = PartyPlatform.Surveys.Households.HouseholdsSheetColumns;

namespace PartyPlatform.Surveys.Households;

/// <summary>
/// Imports the households of a campaign's organisations all-or-nothing: every row is checked first, by the rules of
/// <c>PUT households</c>, and one bad row rejects the file with every row's reason. A row with the households recorded
/// already changes nothing, so the same file can be sent again.
/// </summary>
public sealed class HouseholdsImporter(SurveysDb db, ReplicaScope scope, TimeProvider time)
{
    public async Task<HouseholdsImportResult> ImportAsync(Campaign campaign, IReadOnlyList<SheetLine> lines, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var organizations = await OrganizationsAsync(campaign, lines, ct);
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var seen = new Dictionary<string, int>();
        var changed = new List<CampaignOrganization>();
        var unchanged = 0;
        foreach (var line in lines)
        {
            var problems = new Dictionary<string, string>();
            var organization = Organization(line, organizations, campaign, seen, problems);
            var households = Households(line, problems);
            if (problems.Count == 0)
            {
                try
                {
                    if (organization!.SetHouseholds(households!.Value, now))
                    {
                        changed.Add(organization);
                    }
                    else
                    {
                        unchanged++;
                    }
                }
                catch (RuleViolationException violation)
                {
                    problems[Column.Households] = violation.Message;
                }
            }

            SheetRejectedException.Collect(errors, line.Number, problems);
        }

        if (errors.Count > 0)
        {
            throw new SheetRejectedException(errors);
        }

        foreach (var organization in changed)
        {
            db.PublishOnCommit(organization.ToEvent());
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new HouseholdsImportResult(lines.Count, changed.Count, unchanged);
    }

    /// <summary>
    /// The campaign's organisations the rows name, by code, locked as the recount of visits locks them, so that no visit
    /// lands between the check against the households visited and the write. Authorisation before rules: a row naming an
    /// organisation outside the caller's unit refuses the whole file with 403, whatever else is wrong with it.
    /// </summary>
    private async Task<Dictionary<string, CampaignOrganization>> OrganizationsAsync(Campaign campaign, IReadOnlyList<SheetLine> lines, CancellationToken ct)
    {
        var codes = lines.Select(l => l[Column.OrganizationCode]).OfType<string>().Distinct().ToArray();
        var organizations = await db.CampaignOrganizations
            .FromSql($"SELECT * FROM campaign_organizations WHERE campaign_id = {campaign.Id} AND succeeded_by IS NULL AND organization_code = ANY({codes}) ORDER BY id FOR UPDATE")
            .ToDictionaryAsync(o => o.OrganizationCode, ct);
        // In file order, so that the first row outside is the one named.
        var rows = lines.Where(l => l[Column.OrganizationCode] is { } code && organizations.ContainsKey(code))
            .DistinctBy(l => organizations[l[Column.OrganizationCode]!].UnitId).ToDictionary(l => organizations[l[Column.OrganizationCode]!].UnitId);
        await scope.EnsureBodyUnitsAsync(rows.Keys, id => $"Row {rows[id].Number}: the organisation {rows[id][Column.OrganizationCode]}", ct);
        return organizations;
    }

    private static CampaignOrganization? Organization(
        SheetLine line, Dictionary<string, CampaignOrganization> organizations, Campaign campaign, Dictionary<string, int> seen, Dictionary<string, string> problems)
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
        else if (!seen.TryAdd(code, line.Number))
        {
            problems[Column.OrganizationCode] = $"The organisation {code} is on row {seen[code]} already: one row per organisation.";
        }

        return organization;
    }

    private static int? Households(SheetLine line, Dictionary<string, string> problems)
    {
        if (int.TryParse(line[Column.Households], NumberStyles.Integer, CultureInfo.InvariantCulture, out var households))
        {
            return households;
        }

        problems[Column.Households] = $"Required: a whole number of households, not '{line[Column.Households]}'.";
        return null;
    }
}
