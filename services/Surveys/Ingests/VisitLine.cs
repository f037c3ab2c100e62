using System.Globalization;
using PartyPlatform.Requests;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Visits;

namespace PartyPlatform.Surveys.Ingests;

/// <summary>The fields of one line of an upload, as text, before any rule has looked at them.</summary>
public sealed record VisitFields(
    string? OrganizationCode, string? HouseholdKey, string? HouseholdName, string? Phone, string? VisitedOn, string? Visitor, string? Said);

/// <summary>A line that passed every rule this service can check without the database, ready to copy.</summary>
public sealed record StagedVisit(
    long Line, string Text, Guid OrganizationId, string HouseholdKey, string? HouseholdName, string? Phone, DateOnly VisitedOn, string Visitor, string? Said);

/// <summary>Why a line is not kept: the field (or "line" for the line as a whole) and the reason.</summary>
public sealed record LineRejection(long Line, string Field, string Reason, string Text);

/// <summary>An organisation of the campaign as an ingest sees it: whether the sender may send visits for it.</summary>
public sealed record IngestOrganization(Guid OrganizationId, string Name, bool InCallersUnit);

/// <summary>
/// The rules of <see cref="RecordVisitRequest"/> and of <c>POST visits</c>, for one line of a bulk upload: required and
/// bounded fields without control characters, a day in the campaign's period, an organisation of the campaign in the
/// sender's unit. The one rule that needs the database (a new household past the organisation's households) is the
/// merge's (<see cref="VisitIngester"/>).
/// </summary>
public static class VisitLine
{
    public const int MaxOrganizationCodeLength = 32;

    /// <returns>Why the line is not kept, or null and the visit to stage.</returns>
    public static LineRejection? Check(
        long line, string text, VisitFields fields, Campaign campaign, IReadOnlyDictionary<string, IngestOrganization> organizations, out StagedVisit? visit)
    {
        visit = null;
        LineRejection Reject(string field, string reason) => new(line, field, reason, text);

        if (Text(fields.OrganizationCode, "organizationCode", MaxOrganizationCodeLength, required: true) is { } codeProblem)
        {
            return Reject("organizationCode", codeProblem);
        }

        foreach (var (field, value, max, required) in new[]
                 {
                     ("householdKey", fields.HouseholdKey, Visit.MaxHouseholdKeyLength, true),
                     ("householdName", fields.HouseholdName, Visit.MaxNameLength, false),
                     ("phone", fields.Phone, Visit.MaxPhoneLength, false),
                     ("visitor", fields.Visitor, Visit.MaxNameLength, true),
                     ("said", fields.Said, Visit.MaxSaidLength, false),
                 })
        {
            if (Text(value, field, max, required) is { } problem)
            {
                return Reject(field, problem);
            }
        }

        if (string.IsNullOrWhiteSpace(fields.VisitedOn))
        {
            return Reject("visitedOn", "The day of the visit is required (yyyy-MM-dd).");
        }

        if (!DateOnly.TryParseExact(fields.VisitedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Reject("visitedOn", "The day of the visit is not a date of the form yyyy-MM-dd.");
        }

        var code = fields.OrganizationCode!.Trim();
        if (!organizations.TryGetValue(code, out var organization))
        {
            return Reject("organizationCode", $"No organisation with code '{code}' is in the campaign '{campaign.Name}'.");
        }

        if (!organization.InCallersUnit)
        {
            return Reject("organizationCode", $"Organisation '{organization.Name}' is outside your administrative unit.");
        }

        if (!campaign.Covers(day))
        {
            return Reject("visitedOn", $"{day:yyyy-MM-dd} is outside the campaign's period, {campaign.StartsOn:yyyy-MM-dd} to {campaign.EndsOn:yyyy-MM-dd}.");
        }

        visit = new StagedVisit(line, text, organization.OrganizationId, fields.HouseholdKey!.Trim(), Trimmed(fields.HouseholdName), Trimmed(fields.Phone), day,
            fields.Visitor!.Trim(), Trimmed(fields.Said));
        return null;
    }

    private static string? Text(string? value, string field, int maxLength, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? $"The {field} field is required." : RequestText.CharacterProblem(value ?? "");
        }

        return RequestText.Problem(value.Trim(), maxLength);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
