using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PartyPlatform;

public sealed class WatchOptions
{
    /// <summary>How often the check runs; the city may move it, so it is re-read every time.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Checks that run by themselves (a deadline passing, a rectification falling overdue): something that
/// changes with time rather than with a write. They run on a timer of the injected <see cref="TimeProvider"/>,
/// so tests move time instead of waiting, each in a scope of its own.
/// </summary>
public static class WatchExtensions
{
    /// <summary>Runs <paramref name="run"/> on a scoped <typeparamref name="TCheck"/> every <c>Interval</c> of <paramref name="section"/>.</summary>
    public static IHostApplicationBuilder AddWatch<TCheck>(this IHostApplicationBuilder builder, string section, Func<TCheck, CancellationToken, Task> run)
        where TCheck : class
    {
        builder.Services.AddScoped<TCheck>();
        builder.Services.AddOptions<WatchOptions>(section).BindConfiguration(section);
        builder.Services.AddSingleton<IHostedService>(services => new Watch<TCheck>(
            section, run, services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IOptionsMonitor<WatchOptions>>(), services.GetRequiredService<ILogger<Watch<TCheck>>>()));
        return builder;
    }
}

internal sealed class Watch<TCheck>(
    string section, Func<TCheck, CancellationToken, Task> run, IServiceScopeFactory scopes, TimeProvider time,
    IOptionsMonitor<WatchOptions> options, ILogger<Watch<TCheck>> logger) : BackgroundService
    where TCheck : class
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await run(scope.ServiceProvider.GetRequiredService<TCheck>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                WatchLog.Failed(logger, typeof(TCheck).Name, e);
            }

            await Task.Delay(options.Get(section).Interval, time, stoppingToken);
        }
    }
}

internal static partial class WatchLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Check} failed; it runs again at the next interval")]
    public static partial void Failed(ILogger logger, string check, Exception exception);
}
