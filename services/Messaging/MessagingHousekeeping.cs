using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PartyPlatform.Messaging;

public sealed class MessagingHousekeepingOptions
{
    public const string Section = "Messaging:Housekeeping";

    /// <summary>How long published outbox rows are kept, for an operator tracing what was sent.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long an applied message id is remembered. A redelivery older than this would be applied
    /// again, so it must outlast any broker redelivery or replay from an _error queue.
    /// </summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Deletes published outbox rows and old inbox ids of one database, so neither table grows without end.</summary>
public sealed partial class MessagingHousekeeping<TDbContext>(
    IServiceScopeFactory scopeFactory,
    IOptions<MessagingHousekeepingOptions> options,
    TimeProvider time,
    ILogger<MessagingHousekeeping<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    public async Task<(int Outbox, int Inbox)> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var now = time.GetUtcNow();
        var sentBefore = now - options.Value.OutboxRetention;
        var processedBefore = now - options.Value.InboxRetention;
        var outbox = await db.Set<Outbox.OutboxMessage>().Where(m => m.SentAt < sentBefore).ExecuteDeleteAsync(cancellationToken);
        var inbox = await db.Set<Inbox.InboxMessage>().Where(m => m.ProcessedAt < processedBefore).ExecuteDeleteAsync(cancellationToken);
        return (outbox, inbox);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                var (outbox, inbox) = await SweepAsync(stoppingToken);
                LogSwept(outbox, inbox);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(exception);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Messaging housekeeping removed {Outbox} outbox rows and {Inbox} inbox ids")]
    private partial void LogSwept(int outbox, int inbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Messaging housekeeping failed; it tries again at the next interval")]
    private partial void LogSweepFailed(Exception exception);
}
