using Microsoft.Extensions.Options;

namespace PartyPlatform.Surveys.Rectification;

public sealed class OverdueWatchOptions
{
    public const string Section = "Surveys:OverdueWatch";

    /// <summary>How often open rectifications are checked against their deadlines.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Runs <see cref="OverdueCheck"/> on a timer of the injected <see cref="TimeProvider"/>, so tests move time instead of waiting.</summary>
public sealed partial class OverdueWatch(IServiceScopeFactory scopes, TimeProvider time, IOptionsMonitor<OverdueWatchOptions> options, ILogger<OverdueWatch> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OverdueCheck>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }

            await Task.Delay(options.CurrentValue.Interval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The overdue check of rectifications failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
