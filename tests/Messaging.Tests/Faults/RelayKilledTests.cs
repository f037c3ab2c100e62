using Npgsql;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Messaging.Tests.Faults;

[Collection(FaultCollection.Name)]
public sealed class RelayKilledTests
{
    private const int Events = 1000;
    private const int BatchSize = 400;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The relay's worst moment: the broker has confirmed a batch (the consumer may already have
    /// applied it) and the relay dies before its "sent" marks commit. The rows are unsent again, a
    /// new relay publishes them a second time, and only the inbox stands between the consumer and a
    /// second effect. The relay's test-only pause point (Messaging:Outbox:TestPauseBeforeCommitFile)
    /// stops it exactly there.
    /// </summary>
    [Fact]
    public async Task A_relay_killed_between_the_confirm_and_its_commit_publishes_again_and_nothing_doubles()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        await harness.StartAsync(relay: false, consumer: false, batchConsumer: true);
        await harness.CommitPingsAsync(Events, Ct);
        var pauseFile = Path.Combine(Path.GetTempPath(), $"relay-paused-{Guid.NewGuid():N}");
        var batchSize = new Dictionary<string, string> { ["Messaging__Outbox__BatchSize"] = BatchSize.ToString() };

        List<Guid> confirmed;
        var pingOf = await PingsByMessageAsync(harness.Database);
        await using (var killed = FaultHostProcess.Start(
                         harness, ["relay"], new Dictionary<string, string>(batchSize) { ["Messaging__Outbox__TestPauseBeforeCommitFile"] = pauseFile }))
        {
            await Eventually.TrueAsync(() => Task.FromResult(File.Exists(pauseFile)), Timeout);
            confirmed = (await File.ReadAllLinesAsync(pauseFile, Ct)).Select(line => pingOf[Guid.Parse(line)]).ToList();
            File.Delete(pauseFile);
            // Confirmed by the broker and applied by the consumer, yet unsent as far as the outbox knows.
            await Eventually.TrueAsync(() => Task.FromResult(confirmed.All(id => harness.Deliveries.HandledFor(id) == 1)), Timeout);
            await killed.KillAsync();
        }

        Assert.Equal(BatchSize, confirmed.Count);
        Assert.Equal(Events, (await EffectLedger.ReadAsync(harness.Database, Ct)).Unsent);

        await using var restarted = FaultHostProcess.Start(harness, ["relay"], batchSize);
        await restarted.WaitForHealthAsync(healthy: true, Timeout);
        await EffectLedger.WaitForAppliedAsync(harness.Database, applied: null, Timeout, Ct, restarted);
        // The confirmed batch really came twice: without the inbox its effects would be doubled.
        await Eventually.TrueAsync(() => Task.FromResult(confirmed.All(id => harness.Deliveries.HandledFor(id) == 2)), Timeout);

        Assert.Equal(new EffectLedger(Events, Events, Lost: 0, Doubled: 0, Unsent: 0, Events), await EffectLedger.ReadAsync(harness.Database, Ct));
    }

    /// <summary>The ping each outbox row (message id) carries: the relay speaks of messages, the consumer's log of pings.</summary>
    private static async Task<Dictionary<Guid, Guid>> PingsByMessageAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var rows = new NpgsqlCommand("SELECT id, (payload ->> 'id')::uuid FROM outbox_messages", connection);
        await using var reader = await rows.ExecuteReaderAsync(Ct);
        var pings = new Dictionary<Guid, Guid>();
        while (await reader.ReadAsync(Ct))
        {
            pings.Add(reader.GetGuid(0), reader.GetGuid(1));
        }

        return pings;
    }
}
