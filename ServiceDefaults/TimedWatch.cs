using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PartyPlatform;

/// <summary>Work that time makes due (a deadline passing, a milestone's day going by), run by a <see cref="TimedWatch{TCheck}"/>.</summary>
public interface ITimedCheck
{
    Task RunAsync(CancellationToken ct);
}

/// <summary>
/// Runs <typeparamref name="TCheck"/> (scoped) at start and then every interval on a timer of the
/// injected <see cref="TimeProvider"/>, so tests move time instead of waiting. The interval is read
/// anew each time: it is configuration the city may change. A failed run is logged and retried at
/// the next interval.
/// </summary>
public sealed class TimedWatch<TCheck>(IServiceScopeFactory scopes, TimeProvider time, Func<TimeSpan> interval, ILogger<TimedWatch<TCheck>> logger)
    : BackgroundService
    where TCheck : ITimedCheck
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TCheck>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                TimedWatchLog.Failed(logger, typeof(TCheck).Name, e);
            }

            await Task.Delay(interval(), time, stoppingToken);
        }
    }
}

public static partial class TimedWatchLog
{
    /// <summary>Registers <typeparamref name="TCheck"/> (scoped) and the watch that runs it every <paramref name="interval"/>.</summary>
    public static IServiceCollection AddTimedWatch<TCheck>(this IServiceCollection services, Func<IServiceProvider, TimeSpan> interval)
        where TCheck : class, ITimedCheck
    {
        services.AddScoped<TCheck>();
        return services.AddHostedService(provider => new TimedWatch<TCheck>(
            provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<TimeProvider>(), () => interval(provider),
            provider.GetRequiredService<ILogger<TimedWatch<TCheck>>>()));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Check} failed; it runs again at the next interval")]
    internal static partial void Failed(ILogger logger, string check, Exception exception);
}
