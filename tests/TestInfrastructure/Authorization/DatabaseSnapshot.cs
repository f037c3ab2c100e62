using System.Text;
using Npgsql;

namespace PartyPlatform.TestInfrastructure.Authorization;

/// <summary>
/// Every row of every table of a database, as text in a stable order: equal snapshots mean that
/// nothing was written, the audit trail and the outbox included.
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

        var snapshot = new StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand(
                $"SELECT coalesce(string_agg(r, E'\\n' ORDER BY r), '') FROM (SELECT (to_jsonb(t) - $1::text[])::text AS r FROM {table} t) rows",
                connection) { Parameters = { new() { Value = RelayColumns } } };
            snapshot.Append(table).Append('\n').Append(await rows.ExecuteScalarAsync(ct)).Append('\n');
        }

        return snapshot.ToString();
    }
}
