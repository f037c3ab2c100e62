using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PartyPlatform.AppHost.Diagnostics;

/// <summary>
/// Logs when each resource first becomes healthy, as a UTC time and in seconds since the AppHost
/// process started, so that a slower start shows which resource it came from
/// (scripts/start-times.sh reads these lines).
/// </summary>
public sealed class StartTimeline(ResourceNotificationService notifications, ILogger<StartTimeline> logger) : BackgroundService
{
    public const string Marker = "Start timeline:";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var seen = new HashSet<string>();
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                if (change.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                    && change.Snapshot.State?.Text == KnownResourceStates.Running
                    && seen.Add(change.ResourceId))
                {
                    var now = DateTime.UtcNow;
                    logger.LogInformation("{Marker} {Resource} healthy at {Time:O}, {Seconds:F1} s after the AppHost process started",
                        Marker, change.Resource.Name, now, (now - processStart).TotalSeconds);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

public static class StartTimelineExtensions
{
    /// <summary>Run mode only: a deployment's start is not ours to time.</summary>
    public static IDistributedApplicationBuilder AddStartTimeline(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsRunMode)
        {
            builder.Services.AddHostedService<StartTimeline>();
        }

        return builder;
    }
}
