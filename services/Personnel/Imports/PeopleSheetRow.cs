using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Personnel.People;
using PartyPlatform.Spreadsheets;
using Column = PartyPlatform.Personnel.Imports.PeopleSheetColumns;

namespace PartyPlatform.Personnel.Imports;

/// <summary>
/// A row of the people sheet checked on its own: a person as <c>POST /people</c> takes them (the same
/// request, its validation and <see cref="PersonDetails.Check"/>), the unit they are registered on by its
/// division code, and optionally a term in a post from a day, on that unit or on <see cref="PostUnitCode"/>.
/// Whether the units exist, are the caller's, and take the post is the importer's question.
/// </summary>
public sealed record PeopleSheetRow(int Number, string UnitCode, PersonDetails Details, PostKind? PostKind, DateOnly? PostStart, string PostUnitCode)
{
    public const string DateFormat = SheetWorkbook.DateFormat;

    /// <summary>The row, or every problem keyed by its column.</summary>
    public static (PeopleSheetRow? Row, Dictionary<string, string> Problems) Parse(SheetLine line, DateOnly today)
    {
        var problems = new Dictionary<string, string>();
        var request = new RegisterPersonRequest(
            Guid.Empty, line[Column.Name], ParseName<Gender>(line, Column.Gender, problems), ParseDate(line, Column.BirthDate, problems),
            line[Column.Ethnicity], ParseName<Education>(line, Column.Education, problems), ParseDate(line, Column.JoinedPartyOn, problems),
            ParseName<PersonSource>(line, Column.Source, problems), line[Column.IdNumber], line[Column.Phone]);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames)
            {
                // A column already named (e.g. an unknown gender, read as none) keeps its own reason.
                problems.TryAdd(JsonNamingPolicy.CamelCase.ConvertName(member), result.ErrorMessage ?? "Invalid.");
            }
        }

        PersonDetails? details = null;
        if (problems.Count == 0)
        {
            try
            {
                details = request.ToDetails();
                details.Check(today);
            }
            catch (RuleViolationException rule)
            {
                problems[rule.Field] = rule.Message;
            }
        }

        var unitCode = line[Column.UnitCode];
        if (unitCode is null)
        {
            problems[Column.UnitCode] = "A row needs the division code of the person's unit.";
        }

        var kind = line[Column.PostKind] is null ? null : ParseName<PostKind>(line, Column.PostKind, problems);
        var start = ParseDate(line, Column.PostStart, problems);
        if (line[Column.PostKind] is not null && line[Column.PostStart] is null)
        {
            problems[Column.PostStart] = "A post needs the day its term began.";
        }
        else if (line[Column.PostKind] is null && (line[Column.PostStart] ?? line[Column.PostUnitCode]) is not null)
        {
            problems[Column.PostKind] = $"Name the post ({string.Join(", ", Enum.GetNames<PostKind>())}) or leave its columns empty.";
        }

        return problems.Count > 0
            ? (null, problems)
            : (new PeopleSheetRow(line.Number, unitCode!, details!, kind, start, line[Column.PostUnitCode] ?? unitCode!), problems);
    }

    private static DateOnly? ParseDate(SheetLine line, string column, Dictionary<string, string> problems)
    {
        if (line[column] is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems[column] = $"'{text}' is not a date written {DateFormat}.";
        return null;
    }

    // By name only, as the API takes enums: Enum.TryParse would also take "2" or "Male, Female".
    private static T? ParseName<T>(SheetLine line, string column, Dictionary<string, string> problems)
        where T : struct, Enum
    {
        if (line[column] is not { } name)
        {
            return null;
        }

        if (Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } match)
        {
            return Enum.Parse<T>(match);
        }

        problems[column] = $"Unknown {column} '{name}'; expected one of {string.Join(", ", Enum.GetNames<T>())}.";
        return null;
    }
}
