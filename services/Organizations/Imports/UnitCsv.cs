using Sylvan.Data.Csv;

namespace PartyPlatform.Organizations.Imports;

/// <summary>Reads a tree from CSV with the header code,name,kind,parentCode[,partyOrganization] (any column order).</summary>
public static class UnitCsv
{
    private static readonly string[] RequiredColumns = ["code", "name", "kind", "parentCode"];

    public static async Task<List<UnitImportRow>> ReadAsync(TextReader text, CancellationToken ct)
    {
        CsvDataReader csv;
        try
        {
            csv = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { HeaderComparer = StringComparer.OrdinalIgnoreCase });
        }
        catch (CsvFormatException exception)
        {
            throw new RuleViolationException("file", $"The file is not readable CSV: {exception.Message}");
        }

        await using (csv)
        {
            var missing = RequiredColumns.Where(c => csv.GetOrdinalOrDefault(c) < 0).ToList();
            if (missing.Count > 0)
            {
                throw new RuleViolationException("file", $"The CSV header lacks the column(s) {string.Join(", ", missing)}.");
            }

            var code = csv.GetOrdinal("code");
            var name = csv.GetOrdinal("name");
            var kind = csv.GetOrdinal("kind");
            var parentCode = csv.GetOrdinal("parentCode");
            var organization = csv.GetOrdinalOrDefault("partyOrganization");

            var rows = new List<UnitImportRow>();
            try
            {
                while (await csv.ReadAsync(ct))
                {
                    rows.Add(new UnitImportRow(
                        csv.GetString(code), csv.GetString(name), csv.GetString(kind), csv.GetString(parentCode),
                        organization >= 0 ? csv.GetString(organization) : null));
                }
            }
            catch (CsvFormatException exception)
            {
                throw new RuleViolationException($"rows[{rows.Count + 1}]", $"Malformed CSV: {exception.Message}");
            }

            return rows;
        }
    }

    public static async Task WriteAsync(TextWriter text, IEnumerable<UnitImportRow> rows)
    {
        await text.WriteLineAsync("code,name,kind,parentCode,partyOrganization");
        foreach (var row in rows)
        {
            await text.WriteLineAsync(string.Join(',', Quote(row.Code), Quote(row.Name), Quote(row.Kind), Quote(row.ParentCode), Quote(row.PartyOrganization)));
        }
    }

    private static int GetOrdinalOrDefault(this CsvDataReader csv, string column)
    {
        for (var i = 0; i < csv.FieldCount; i++)
        {
            if (string.Equals(csv.GetName(i), column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"")}\"";
}
