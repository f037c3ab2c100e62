using System.Text;
using System.Text.Json;

namespace PartyPlatform.Surveys.Ingests;

/// <summary>How the lines of an upload hold a visit's fields: one JSON object per line, or CSV under a header row.</summary>
public abstract class VisitLineFormat
{
    public const string NdjsonMediaType = "application/x-ndjson";
    public const string CsvMediaType = "text/csv";

    /// <summary>The fields of a line, named as in <c>POST visits</c>'s body.</summary>
    public static readonly string[] Columns = ["organizationCode", "householdKey", "householdName", "phone", "visitedOn", "visitor", "said"];

    private static readonly string[] RequiredColumns = ["organizationCode", "householdKey", "visitedOn", "visitor"];

    public abstract IngestFormat Format { get; }

    public abstract string MediaType { get; }

    /// <summary>The header row a CSV file starts with; null for NDJSON.</summary>
    public virtual string? Header => null;

    /// <returns>Null and the fields, or why the line cannot be read (field "line").</returns>
    public abstract string? Parse(string text, out VisitFields? fields);

    public static VisitLineFormat Ndjson { get; } = new NdjsonLines();

    /// <summary>The CSV format of the given header row; throws (400, field "header") when a required column is missing or one is unknown.</summary>
    public static VisitLineFormat Csv(string header)
    {
        var names = CsvLines.Split(header, out var problem)
                    ?? throw new RuleViolationException("header", $"The header row cannot be read: {problem}");
        var ordinals = new int[Columns.Length];
        Array.Fill(ordinals, -1);
        for (var i = 0; i < names.Count; i++)
        {
            var column = Array.FindIndex(Columns, c => c.Equals(names[i].Trim(), StringComparison.OrdinalIgnoreCase));
            if (column < 0)
            {
                throw new RuleViolationException("header", $"Unknown column '{names[i].Trim()}'; the columns are {string.Join(", ", Columns)}.");
            }

            ordinals[column] = i;
        }

        if (RequiredColumns.FirstOrDefault(c => ordinals[Array.IndexOf(Columns, c)] < 0) is { } missing)
        {
            throw new RuleViolationException("header", $"The column '{missing}' is missing; the columns are {string.Join(", ", Columns)}.");
        }

        return new CsvLines(header, ordinals, names.Count);
    }

    private static VisitFields Fields(Func<int, string?> column) =>
        new(column(0), column(1), column(2), column(3), column(4), column(5), column(6));

    private sealed class NdjsonLines : VisitLineFormat
    {
        public override IngestFormat Format => IngestFormat.Ndjson;

        public override string MediaType => NdjsonMediaType;

        public override string? Parse(string text, out VisitFields? fields)
        {
            fields = null;
            try
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return "The line is not a JSON object.";
                }

                var values = new string?[Columns.Length];
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    var column = Array.FindIndex(Columns, c => c.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
                    if (column < 0)
                    {
                        continue;
                    }

                    if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        return $"'{Columns[column]}' must be a string, not {property.Value.ValueKind.ToString().ToLowerInvariant()}.";
                    }

                    values[column] = property.Value.GetString();
                }

                fields = Fields(i => values[i]);
                return null;
            }
            catch (JsonException e)
            {
                return $"The line is not valid JSON: {e.Message.Split(" Path: ")[0]}";
            }
        }
    }

    private sealed class CsvLines(string header, int[] ordinals, int width) : VisitLineFormat
    {
        public override IngestFormat Format => IngestFormat.Csv;

        public override string MediaType => CsvMediaType;

        public override string Header => header;

        public override string? Parse(string text, out VisitFields? fields)
        {
            fields = null;
            if (Split(text, out var problem) is not { } cells)
            {
                return problem;
            }

            if (cells.Count != width)
            {
                return $"The line has {cells.Count} fields; the header has {width}.";
            }

            fields = Fields(i => ordinals[i] < 0 ? null : cells[ordinals[i]]);
            return null;
        }

        /// <summary>RFC 4180 fields of one line: quoted fields may hold commas and doubled quotes, not line breaks.</summary>
        public static List<string>? Split(string line, out string? problem)
        {
            problem = null;
            var cells = new List<string>();
            var cell = new StringBuilder();
            var i = 0;
            while (true)
            {
                cell.Clear();
                if (i < line.Length && line[i] == '"')
                {
                    i++;
                    while (true)
                    {
                        if (i >= line.Length)
                        {
                            problem = "A quoted field is not closed on its line.";
                            return null;
                        }

                        if (line[i] == '"')
                        {
                            if (i + 1 < line.Length && line[i + 1] == '"')
                            {
                                cell.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        cell.Append(line[i++]);
                    }

                    if (i < line.Length && line[i] != ',')
                    {
                        problem = $"Character {i + 1}: a closing quote must end its field.";
                        return null;
                    }
                }
                else
                {
                    var end = line.IndexOf(',', i);
                    end = end < 0 ? line.Length : end;
                    cell.Append(line, i, end - i);
                    i = end;
                }

                cells.Add(cell.ToString());
                if (i >= line.Length)
                {
                    return cells;
                }

                i++; // the comma
            }
        }
    }
}
