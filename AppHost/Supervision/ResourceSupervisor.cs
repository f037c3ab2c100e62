using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PartyPlatform.AppHost.Supervision;

/// <summary>
/// Restarts a process (PostgreSQL, RabbitMQ, a service, the gateway) that exits without anyone
/// asking, with exponential backoff: Aspire itself leaves a crashed executable or project down.
/// A stop from the dashboard or a stop command stays a stop, and nothing restarts while the
/// AppHost shuts down. Each restart is logged in the resource's console log and counted in its
/// <c>restarts</c> property on the dashboard.
/// </summary>
public sealed class ResourceSupervisor(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService resourceLogs,
    UserIntent intent,
    SupervisionOptions options,
    IHostApplicationLifetime lifetime,
    ILogger<ResourceSupervisor> logger) : BackgroundService
{
    public const string RestartsProperty = "restarts";

    private readonly ConcurrentDictionary<string, History> histories = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        try
        {
            await foreach (var change in notifications.WatchAsync(stopping.Token))
            {
                if (IsSupervised(change.Resource))
                {
                    Observe(change, stopping.Token);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The AppHost is shutting down: so is every resource, on purpose.
        }
    }

    /// <summary>Processes that Aspire starts and can start again: those with its lifecycle commands.</summary>
    private static bool IsSupervised(IResource resource) =>
        resource.Annotations.OfType<ResourceCommandAnnotation>().Any(c => c.Name == KnownResourceCommands.StartCommand);

    private void Observe(ResourceEvent change, CancellationToken stopping)
    {
        var history = histories.GetOrAdd(change.ResourceId, _ => new History());
        var state = change.Snapshot.State?.Text;
        var previous = history.State;
        history.State = state;
        if (state == KnownResourceStates.Running && previous != KnownResourceStates.Running)
        {
            history.RunningSince = DateTimeOffset.UtcNow;
        }

        if (!IsExited(state) || previous is null || IsExited(previous) || stopping.IsCancellationRequested)
        {
            return;
        }

        var log = resourceLogs.GetLogger(change.ResourceId);
        if (intent.StoppedOnPurpose(change.ResourceId))
        {
            log.LogInformation("Supervision: stopped on purpose; not restarted.");
            return;
        }

        var ranFor = history.RunningSince is { } since ? DateTimeOffset.UtcNow - since : TimeSpan.Zero;
        history.CrashesInARow = ranFor >= options.StableAfter ? 1 : history.CrashesInARow + 1;
        history.RunningSince = null;
        var delay = options.DelayBefore(history.CrashesInARow);
        log.LogWarning("Supervision: exited ({State}, exit code {ExitCode}) without being asked to; restarting in {Delay} (crash {Crashes} in a row).",
            state, change.Snapshot.ExitCode, delay, history.CrashesInARow);
        logger.LogWarning("{Resource} exited ({State}, exit code {ExitCode}) without being asked to; restarting in {Delay}.",
            change.ResourceId, state, change.Snapshot.ExitCode, delay);
        _ = RestartAsync(change.Resource, change.ResourceId, history, delay, stopping);
    }

    private async Task RestartAsync(IResource resource, string resourceId, History history, TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, stopping);
            // Someone may have stopped or started it meanwhile (a restart command's own stop also passes through here).
            if (intent.StoppedOnPurpose(resourceId)
                || !notifications.TryGetCurrentState(resourceId, out var current)
                || !IsExited(current.Snapshot.State?.Text))
            {
                return;
            }

            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stopping);
            if (!result.Success)
            {
                logger.LogError("Restarting {Resource} failed: {Error}", resourceId, result.Message);
                return;
            }

            var restarts = Interlocked.Increment(ref history.Restarts);
            await notifications.PublishUpdateAsync(resource, resourceId, snapshot => snapshot with
            {
                Properties = [.. snapshot.Properties.Where(p => p.Name != RestartsProperty), new ResourcePropertySnapshot(RestartsProperty, restarts)],
            });
            resourceLogs.GetLogger(resourceId).LogInformation("Supervision: restart {Restarts} issued.", restarts);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Restarting {Resource} failed.", resourceId);
        }
    }

    /// <summary>Aspire's terminal states, and DCP's "Terminated" (killed by the orchestrator), which Aspire passes through.</summary>
    private static bool IsExited(string? state) =>
        state is not null && (KnownResourceStates.TerminalStates.Contains(state) || state == "Terminated");

    private sealed class History
    {
        public string? State;
        public DateTimeOffset? RunningSince;
        public int CrashesInARow;
        public int Restarts;
    }
}
