using Microsoft.Extensions.Options;

namespace PartyPlatform.Venues.Deadline;

public sealed class DeadlineWatchOptions
{
    public const string Section = "Venues:DeadlineWatch";

    /// <summary>How often the deadline is checked; it is data the city may move, so it is re-read every time.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Checks the deadline on a timer of the injected <see cref="TimeProvider"/>, so tests move time instead of waiting.</summary>
public sealed partial class DeadlineWatch(IServiceScopeFactory scopes, TimeProvider time, IOptions<DeadlineWatchOptions> options, ILogger<DeadlineWatch> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeadlineCheck>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }

            await Task.Delay(options.Value.Interval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The venue deadline check failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
