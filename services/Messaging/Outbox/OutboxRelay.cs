using System.Diagnostics;
using System.Threading.Channels;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace PartyPlatform.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows of <typeparamref name="TDbContext"/>'s database. Each batch is
/// claimed with FOR UPDATE SKIP LOCKED, published with publisher confirms, marked sent, and
/// committed: a relay that dies mid-batch leaves its rows unsent for the next one (consumers'
/// inboxes absorb the repeat), and replicas side by side never claim the same row.
/// </summary>
public sealed partial class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopeFactory,
    IBusControl bus,
    IOptions<OutboxRelayOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private static readonly ActivitySource Source = new(MessagingTelemetry.SourceName);

    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString());
        var listening = ListenAsync(dataSource, stoppingToken);
        var settings = options.Value;
        // Since when batches have gone unconfirmed on a bus that says it is connected (see OutboxRelayOptions.StuckLimit).
        long? unconfirmedSince = null;

        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await PublishBatchAsync(dataSource, settings, stoppingToken);
                unconfirmedSince = null;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogBatchFailed(exception);
                // Only unconfirmed batches on a bus that says it is connected count: a broker that is away is MassTransit's
                // to rejoin, and a database outage ends with the database's return.
                unconfirmedSince = exception is UnconfirmedBatchException && bus.CheckHealth().Status == BusHealthStatus.Healthy
                    ? unconfirmedSince ?? TimeProvider.System.GetTimestamp()
                    : null;
                if (unconfirmedSince is { } since && TimeProvider.System.GetElapsedTime(since) is var unconfirmed && unconfirmed >= settings.StuckLimit)
                {
                    LogStuck(unconfirmed);
                    Environment.ExitCode = settings.StuckExitCode;
                    lifetime.StopApplication();
                    break;
                }

                await PauseAsync(settings.ErrorDelay, stoppingToken);
                continue;
            }

            if (published < settings.BatchSize)
            {
                await WaitForWriteAsync(settings.PollInterval, stoppingToken);
            }
        }

        await listening;
    }

    private string ConnectionString()
    {
        using var scope = scopeFactory.CreateScope();
        return scope.ServiceProvider.GetRequiredService<TDbContext>().Database.GetConnectionString()
               ?? throw new InvalidOperationException($"{typeof(TDbContext).Name} has no connection string.");
    }

    private async Task<int> PublishBatchAsync(NpgsqlDataSource dataSource, OutboxRelayOptions settings, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var rows = await ClaimAsync(connection, transaction, settings.BatchSize, cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        var sent = new List<Guid>(rows.Count);
        var failed = new List<(Guid Id, string Error)>();
        var publishes = new List<Task>(rows.Count);
        using var publishTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        publishTimeout.CancelAfter(settings.PublishTimeout);
        foreach (var row in rows)
        {
            try
            {
                var (message, type) = MessageSerializer.Deserialize(row.MessageType, row.Payload);
                publishes.Add(PublishAsync(row, message, type, publishTimeout.Token));
                sent.Add(row.Id);
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.Text.Json.JsonException)
            {
                failed.Add((row.Id, exception.Message));
            }
        }

        // All confirms or none: on any failure the transaction rolls back and the whole batch is retried.
        await ConfirmedAsync(Task.WhenAll(publishes), rows.Count, settings.PublishTimeout, publishTimeout.Token, cancellationToken);
        await MarkAsync(connection, transaction, sent, failed, cancellationToken);
        await PauseBeforeCommitAsync(settings.TestPauseBeforeCommitFile, sent, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        foreach (var (id, error) in failed)
        {
            LogUnpublishable(id, error);
        }

        return rows.Count;
    }

    /// <summary>
    /// Waits for every confirm, but no longer than the timeout: a publish that ignores its
    /// cancellation (a confirm that never comes) is left behind rather than waited for.
    /// </summary>
    private static async Task ConfirmedAsync(
        Task confirms, int count, TimeSpan timeout, CancellationToken timeoutToken, CancellationToken stoppingToken)
    {
        try
        {
            await confirms.WaitAsync(timeoutToken);
        }
        catch (OperationCanceledException) when (timeoutToken.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            // Observed, so that a late failure of an abandoned publish is not reported as unobserved.
            _ = confirms.ContinueWith(abandoned => abandoned.Exception, TaskContinuationOptions.OnlyOnFaulted);
            throw new UnconfirmedBatchException($"The broker did not confirm the batch of {count} messages within {timeout}; it is abandoned and retried.");
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            throw new UnconfirmedBatchException($"Publishing the batch of {count} messages failed; it is retried. {exception.Message}", exception);
        }
    }

    /// <summary>The fault tests' pause point (<see cref="OutboxRelayOptions.TestPauseBeforeCommitFile"/>); off unless configured.</summary>
    private static async Task PauseBeforeCommitAsync(string? signalFile, List<Guid> sent, CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(signalFile))
        {
            return;
        }

        // Written aside and moved into place, so that the test never reads half a list.
        var written = signalFile + ".partial";
        await File.WriteAllLinesAsync(written, sent.Select(id => id.ToString()), stoppingToken);
        File.Move(written, signalFile, overwrite: true);
        await Task.Delay(Timeout.Infinite, stoppingToken);
    }

    private static async Task<List<ClaimedRow>> ClaimAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int batchSize, CancellationToken cancellationToken)
    {
        await using var claim = new NpgsqlCommand(
            $"""
             SELECT id, message_type, payload, trace_parent FROM {MessagingModel.OutboxTable}
             WHERE sent_at IS NULL AND error IS NULL
             ORDER BY id LIMIT $1
             FOR UPDATE SKIP LOCKED
             """, connection, transaction)
        {
            Parameters = { new() { Value = batchSize } },
        };

        var rows = new List<ClaimedRow>(batchSize);
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ClaimedRow(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return rows;
    }

    private async Task PublishAsync(ClaimedRow row, object message, Type type, CancellationToken cancellationToken)
    {
        // Continue the trace of the request that wrote the row; MassTransit's send span becomes its child.
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = Source.StartActivity("outbox relay", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.Id);
        await bus.Publish(message, type, Pipe.Execute<PublishContext>(context => context.MessageId = row.Id), cancellationToken);
    }

    private static async Task MarkAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<Guid> sent, List<(Guid Id, string Error)> failed,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"UPDATE {MessagingModel.OutboxTable} SET sent_at = now() WHERE id = ANY($1)")
        {
            Parameters = { new() { Value = sent.ToArray() } },
        });
        foreach (var (id, error) in failed)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"UPDATE {MessagingModel.OutboxTable} SET error = $2 WHERE id = $1")
            {
                Parameters = { new() { Value = id }, new() { Value = error } },
            });
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task ListenAsync(NpgsqlDataSource dataSource, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => wake.Writer.TryWrite(true);
                await using (var listen = new NpgsqlCommand($"LISTEN {MessagingModel.OutboxChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Rows written while nobody listened are picked up now rather than at the next poll.
                wake.Writer.TryWrite(true);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogListenFailed(exception);
                await PauseAsync(options.Value.ErrorDelay, stoppingToken);
            }
        }
    }

    private async Task WaitForWriteAsync(TimeSpan pollInterval, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(pollInterval);
        try
        {
            await wake.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Poll interval elapsed or the host is stopping; either way the loop decides what is next.
        }
    }

    private static async Task PauseAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox batch failed; its rows stay unsent and are retried")]
    private partial void LogBatchFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} cannot be published and is kept with its error: {Error}")]
    private partial void LogUnpublishable(Guid messageId, string error);

    [LoggerMessage(Level = LogLevel.Critical, Message = "No outbox batch confirmed for {Elapsed} while the bus says it is connected; stopping the service so that it starts again on new broker connections")]
    private partial void LogStuck(TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox LISTEN connection lost; relying on polling until it is back")]
    private partial void LogListenFailed(Exception exception);

    private sealed record ClaimedRow(Guid Id, string MessageType, string Payload, string? TraceParent);
}
