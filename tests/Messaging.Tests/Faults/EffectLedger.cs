using Npgsql;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Messaging.Tests.Faults;

/// <summary>
/// Every outbox row (its id is the message id) against the effects applied for it: a row with no
/// effect is lost, one with more than one is doubled. <see cref="Effects"/> counts every effect row,
/// so one that belongs to no message would show too.
/// </summary>
internal sealed record EffectLedger(long Messages, long Applied, long Lost, long Doubled, long Unsent, long Effects)
{
    public static async Task<EffectLedger> ReadAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var count = new NpgsqlCommand(
            """
            SELECT count(*), count(*) FILTER (WHERE effects > 0), count(*) FILTER (WHERE effects = 0),
                   count(*) FILTER (WHERE effects > 1), count(*) FILTER (WHERE sent_at IS NULL),
                   (SELECT count(*) FROM ping_effects)
            FROM (SELECT m.id, m.sent_at, count(e.ping_id) AS effects
                  FROM outbox_messages m LEFT JOIN ping_effects e ON e.ping_id = (m.payload ->> 'id')::uuid
                  GROUP BY m.id, m.sent_at) AS per_message
            """, connection);
        await using var reader = await count.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new EffectLedger(
            reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    /// <summary>
    /// Waits until at least <paramref name="applied"/> messages have their effect (all of them when
    /// null) and, for all of them, no row is left unsent. Cheap to ask often, unlike the ledger. A
    /// timeout names how far it got and what the hosts logged.
    /// </summary>
    public static async Task WaitForAppliedAsync(
        string database, long? applied, TimeSpan timeout, CancellationToken cancellationToken, params FaultHostProcess[] hosts)
    {
        (long Messages, long Applied, long Unsent) last = default;
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                last = await ProgressAsync(database, cancellationToken);
                return applied is { } some ? last.Applied >= some : last.Applied == last.Messages && last.Unsent == 0;
            }, timeout);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException(
                $"Not applied within {timeout}: {last}.{Environment.NewLine}" + string.Join(Environment.NewLine, hosts.Select(host => host.RecentLog())),
                exception);
        }
    }

    private static async Task<(long Messages, long Applied, long Unsent)> ProgressAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var count = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM outbox_messages), (SELECT count(DISTINCT ping_id) FROM ping_effects),
                   (SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND error IS NULL)
            """, connection);
        await using var reader = await count.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
