using Npgsql;

namespace PartyPlatform.TestInfrastructure.Fuzzing;

/// <summary>
/// One value that changes when any row of any table of a database changes: every table's rows,
/// hashed in one round trip, so that it can be taken after every request.
/// </summary>
public sealed class DatabaseFingerprint(string connectionString)
{
    private string? query;

    public async Task<string> TakeAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        query ??= await BuildQueryAsync(connection, cancellationToken);
        await using var command = new NpgsqlCommand(query, connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<string> BuildQueryAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables " +
            "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1", connection);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var perTable = tables.Select(table =>
            $"SELECT '{table}' || ':' || count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') AS h FROM {table} t");
        return $"SELECT string_agg(h, ' ' ORDER BY h) FROM ({string.Join(" UNION ALL ", perTable)}) tables";
    }
}
