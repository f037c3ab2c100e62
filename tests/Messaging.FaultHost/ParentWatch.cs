using Microsoft.Extensions.Hosting;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Messaging.FaultHost;

/// <summary>Stops this process when the test run that started it (PARENT_PID) is gone, so no orphan keeps consuming.</summary>
internal sealed class ParentWatch(IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("PARENT_PID"), out var parentPid))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!ProcessSignals.IsRunning(parentPid))
            {
                lifetime.StopApplication();
                return;
            }
        }
    }
}
