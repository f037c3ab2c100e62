using Npgsql;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Messaging.Tests.Faults;

[Collection(FaultCollection.Name)]
public sealed class ConsumerKilledTests
{
    private const int Events = 3000;
    private const long CommitGate = 42_424;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The worst moment for a consumer: its batch transaction is committing when the process dies.
    /// The test holds every commit of the consumer at a gate (a deferred trigger on the effects that
    /// waits on an advisory lock the test holds), kills the process there, then opens the gate: the
    /// batch commits although nobody is left to acknowledge its messages, so the broker delivers
    /// them again to the restarted consumer, and only the inbox stands between them and a second effect.
    /// </summary>
    [Fact]
    public async Task A_batch_consumer_killed_while_committing_a_batch_loses_nothing_and_doubles_nothing()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        await InstallCommitGateAsync(harness.Database);
        var killed = FaultHostProcess.Start(harness, ["batch-consumer"]);
        await using (killed)
        {
            await killed.WaitForHealthAsync(healthy: true, Timeout);
            await harness.CommitPingsAsync(Events, Ct);
            await harness.StartAsync(relay: true, consumer: false);
            await EffectLedger.WaitForAppliedAsync(harness.Database, applied: 500, Timeout, Ct, killed);

            await using var gate = new NpgsqlConnection(harness.Database);
            await gate.OpenAsync(Ct);
            await ExecuteAsync(gate, $"SELECT pg_advisory_lock({CommitGate})");
            await Eventually.TrueAsync(async () => await CommittingAtGateAsync(harness.Database, killed.ApplicationName) > 0, Timeout);
            await killed.KillAsync();
            var atKill = await EffectLedger.ReadAsync(harness.Database, Ct);
            await ExecuteAsync(gate, $"SELECT pg_advisory_unlock({CommitGate})");

            // The batch its consumer never saw committed shows up now.
            await Eventually.TrueAsync(async () => (await EffectLedger.ReadAsync(harness.Database, Ct)).Applied > atKill.Applied, Timeout);
            Assert.True(atKill.Applied < Events, $"every event was applied before the consumer died ({atKill}); the test proved nothing");
        }

        await using var restarted = FaultHostProcess.Start(harness, ["batch-consumer"]);
        await restarted.WaitForHealthAsync(healthy: true, Timeout);
        await EffectLedger.WaitForAppliedAsync(harness.Database, applied: null, Timeout, Ct, restarted);
        // Anything the broker still holds (the redelivered batch) is handled before the count is final.
        await restarted.StopAsync();

        Assert.Equal(0u, await RabbitMqQueues.CountAsync(harness.Broker, PingBatchConsumer.Name));
        Assert.Equal(0u, await RabbitMqQueues.CountAsync(harness.Broker, $"{PingBatchConsumer.Name}_error"));
        Assert.Equal(new EffectLedger(Events, Events, Lost: 0, Doubled: 0, Unsent: 0, Events), await EffectLedger.ReadAsync(harness.Database, Ct));
    }

    /// <summary>
    /// A deferred trigger runs at COMMIT: each transaction that wrote effects takes the gate's lock,
    /// shared, before it may commit. Open (nobody holds it exclusively) it costs nothing; closed, every
    /// commit waits there.
    /// </summary>
    private static async Task InstallCommitGateAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await ExecuteAsync(connection, $"""
            CREATE FUNCTION pass_commit_gate() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock_shared({CommitGate});
                RETURN NULL;
            END $$;
            CREATE CONSTRAINT TRIGGER commit_gate AFTER INSERT ON ping_effects
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pass_commit_gate();
            """);
    }

    /// <summary>The consumer's sessions that wait at the gate in their COMMIT.</summary>
    private static async Task<long> CommittingAtGateAsync(string database, string applicationName)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var waiting = new NpgsqlCommand(
            """
            SELECT count(*) FROM pg_stat_activity
            WHERE application_name = $1 AND wait_event_type = 'Lock' AND wait_event = 'advisory' AND query ILIKE 'COMMIT%'
            """, connection)
        {
            Parameters = { new() { Value = applicationName } },
        };
        return (long)(await waiting.ExecuteScalarAsync(Ct))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
