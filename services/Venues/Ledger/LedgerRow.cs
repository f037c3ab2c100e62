using System.Globalization;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Requests;
using PartyPlatform.Venues.Projects;

namespace PartyPlatform.Venues.Ledger;

/// <summary>
/// A ledger line checked and typed: a village's venue as the county records it, and the day it
/// reached each state up to <see cref="State"/> (<see cref="Dates"/>, in the states' order).
/// </summary>
public sealed record LedgerRow(int Number, string VillageCode, VenueDescription Description, VenueState State, IReadOnlyList<DateOnly> Dates, string? Note)
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string ListSeparator = ";";
    public const int MaxNoteLength = 500;

    public DateOnly DateOf(VenueState state) => Dates[(int)state];

    /// <summary>The day <paramref name="venue"/> reached <paramref name="state"/>: a state it skipped was passed with the next one it recorded.</summary>
    public static DateOnly? ReachedOn(Venue venue, VenueState state) => venue.History.FirstOrDefault(h => h.State >= state)?.On;

    /// <summary>
    /// Checks a line on its own (whether the village exists and is the caller's is the importer's
    /// question). Returns the row, or every problem keyed by its column.
    /// </summary>
    public static (LedgerRow? Row, Dictionary<string, string> Problems) Parse(int number, LedgerRecord record, DateOnly today)
    {
        var problems = new Dictionary<string, string>();
        var code = record.VillageCode?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            problems[LedgerColumns.VillageCode] = "A row needs the village's 12-digit division code.";
        }
        else if (!IsDivisionCode(code))
        {
            problems[LedgerColumns.VillageCode] = $"'{code}' is not a 12-digit division code.";
        }

        var kind = ParseName<VenueKind>(record.Kind, LedgerColumns.Kind, problems);
        var area = ParseArea(record.FloorArea, problems);
        var functions = ParseNames<VenueFunction>(record.Functions, LedgerColumns.Functions, problems);
        var rooms = ParseNames<IntegratedRoom>(record.Rooms, LedgerColumns.Rooms, problems);
        var state = ParseName<VenueState>(record.State, LedgerColumns.State, problems);
        var dates = ParseDates(record, state, today, problems);
        var note = string.IsNullOrWhiteSpace(record.Note) ? null : record.Note.Trim();
        if (note is not null && RequestText.Problem(note, MaxNoteLength) is { } noteProblem)
        {
            problems[LedgerColumns.Note] = noteProblem;
        }

        return problems.Count > 0
            ? (null, problems)
            : (new LedgerRow(number, code!, new VenueDescription(kind!.Value, area!.Value, functions, rooms), state!.Value, dates, note), problems);
    }

    /// <summary>A village code as written on a line, if it is one; for the scope check of lines that are bad otherwise.</summary>
    public static string? VillageCodeOf(LedgerRecord record) =>
        record.VillageCode?.Trim() is { } code && IsDivisionCode(code) ? code : null;

    /// <summary>Whether the line says what the venue already is (kind, area, functions and rooms).</summary>
    public bool Describes(Venue venue) =>
        venue.Kind == Description.Kind && venue.FloorArea == Description.FloorArea
        && venue.Functions.SequenceEqual(Description.Functions.Distinct().Order())
        && venue.Rooms.SequenceEqual(Description.Rooms.Distinct().Order());

    /// <summary>
    /// What the line says against what the venue has recorded, keyed by column: a state behind the
    /// venue's (a venue never moves back), or another day for a state it recorded. An import adds
    /// to a venue's history and never rewrites it.
    /// </summary>
    public Dictionary<string, string> Contradictions(Venue venue)
    {
        if (State < venue.State)
        {
            return new Dictionary<string, string>
            {
                [LedgerColumns.State] = $"The venue is already {venue.State} (since {venue.StateDate.ToString(DateFormat, CultureInfo.InvariantCulture)}); it cannot go back to {State}.",
            };
        }

        var problems = new Dictionary<string, string>();
        foreach (var change in venue.History.Where(h => h.On != DateOf(h.State)))
        {
            problems[LedgerColumns.DateOf(change.State)] =
                $"The venue became {change.State} on {change.On.ToString(DateFormat, CultureInfo.InvariantCulture)}, not "
                + $"{DateOf(change.State).ToString(DateFormat, CultureInfo.InvariantCulture)}; an import does not change recorded days.";
        }

        return problems;
    }

    private static bool IsDivisionCode(string code) => code.Length == 12 && code.All(char.IsAsciiDigit);

    private static decimal? ParseArea(string? text, Dictionary<string, string> problems)
    {
        var trimmed = text?.Trim();
        if (!decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var area))
        {
            problems[LedgerColumns.FloorArea] = string.IsNullOrEmpty(trimmed)
                ? "A row needs the floor area in square metres."
                : $"'{trimmed}' is not a number of square metres (e.g. 240.5).";
            return null;
        }

        // The area is stored to the centimetre: more decimals would round, and the same line would then differ at every import.
        if (decimal.Round(area, 2) != area)
        {
            problems[LedgerColumns.FloorArea] = $"{trimmed} has more than two decimals.";
            return null;
        }

        return area;
    }

    private static T? ParseName<T>(string? text, string column, Dictionary<string, string> problems)
        where T : struct, Enum
    {
        var name = text?.Trim();
        if (Match<T>(name) is { } value)
        {
            return value;
        }

        problems[column] = string.IsNullOrEmpty(name)
            ? $"A row needs its {column}: one of {string.Join(", ", Enum.GetNames<T>())}."
            : $"Unknown {column} '{name}'; expected one of {string.Join(", ", Enum.GetNames<T>())}.";
        return null;
    }

    private static List<T> ParseNames<T>(string? text, string column, Dictionary<string, string> problems)
        where T : struct, Enum
    {
        var names = (text ?? "").Split(ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = names.Where(n => Match<T>(n) is null).ToList();
        if (unknown.Count > 0)
        {
            problems[column] = $"Unknown {column} {string.Join(", ", unknown.Select(n => $"'{n}'"))}; "
                               + $"expected names from {string.Join(", ", Enum.GetNames<T>())}, separated by '{ListSeparator}'.";
        }

        return [.. names.Select(Match<T>).OfType<T>()];
    }

    // By name only: Enum.TryParse would also take "2" or "Planned, InUse".
    private static T? Match<T>(string? name)
        where T : struct, Enum =>
        Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } match
            ? Enum.Parse<T>(match)
            : null;

    /// <summary>The day of every state up to <paramref name="state"/>: each given, in order, none in the future, and none for a state not reached.</summary>
    private static List<DateOnly> ParseDates(LedgerRecord record, VenueState? state, DateOnly today, Dictionary<string, string> problems)
    {
        var dates = new List<DateOnly>();
        (string Column, DateOnly Date)? previous = null;
        foreach (var step in Enum.GetValues<VenueState>())
        {
            var column = LedgerColumns.DateOf(step);
            var text = record.DateOf(step)?.Trim();
            var reached = step <= state;
            if (string.IsNullOrEmpty(text))
            {
                if (reached)
                {
                    problems[column] = $"The venue is {state}: the day it became {step} is needed.";
                }

                continue;
            }

            if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems[column] = $"'{text}' is not a date written {DateFormat}.";
            }
            else if (state is not null && !reached)
            {
                problems[column] = $"The venue is only {state}: leave the day it becomes {step} empty.";
            }
            else if (date > today)
            {
                problems[column] = $"{text} is in the future (today is {today.ToString(DateFormat, CultureInfo.InvariantCulture)}).";
            }
            else if (previous is { } before && date < before.Date)
            {
                problems[column] = $"{text} is before {before.Column} {before.Date.ToString(DateFormat, CultureInfo.InvariantCulture)}: the days must follow the states' order.";
            }
            else
            {
                dates.Add(date);
                previous = (column, date);
            }
        }

        return dates;
    }
}
