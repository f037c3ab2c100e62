using Npgsql;

namespace PartyPlatform.TestInfrastructure;

/// <summary>
/// Every row of every table of a database, as text in a stable order, read in one statement: equal
/// snapshots mean that nothing was written, the audit trail and the outbox included. Cheap enough
/// to take after each of thousands of requests (the fuzz test) on a test's small database.
/// </summary>
public static class DatabaseSnapshot
{
    // The outbox relay marks rows sent in its own time; whether a row was written is what counts.
    private static readonly string[] RelayColumns = ["sent_at", "error"];

    public static async Task<string> TakeAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
                         """
                         SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables
                         WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                         ORDER BY 1
                         """, connection))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var perTable = tables.Select(table =>
            $"SELECT '{table}' AS name, (SELECT coalesce(string_agg(r, E'\\n' ORDER BY r), '') FROM (SELECT (to_jsonb(t) - $1::text[])::text AS r FROM {table} t) rows) AS rows");
        await using var snapshot = new NpgsqlCommand(
            $"SELECT coalesce(string_agg(name || E'\\n' || rows, E'\\n' ORDER BY name), '') FROM ({string.Join(" UNION ALL ", perTable)}) tables",
            connection) { Parameters = { new() { Value = RelayColumns } } };
        return (string)(await snapshot.ExecuteScalarAsync(ct))!;
    }
}
