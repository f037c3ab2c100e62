using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace PartyPlatform.Messaging.FaultHost;

/// <summary>
/// Prints "health &lt;status&gt;" on stdout whenever the process's health changes, so that a test sees it
/// go down with the broker and come back without anyone's help. The checks are MassTransit's bus
/// checks, the readiness a service's /health reports.
/// </summary>
internal sealed class HealthReport(HealthCheckService health) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        HealthStatus? reported = null;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            var report = await health.CheckHealthAsync(stoppingToken);
            if (report.Status != reported)
            {
                await Console.Out.WriteLineAsync($"health {report.Status}");
                // Why, for a failing test's message.
                await Console.Error.WriteLineAsync(
                    $"health {report.Status}: {string.Join("; ", report.Entries.Select(entry => $"{entry.Key} {entry.Value.Status} {entry.Value.Description}"))}");
                reported = report.Status;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
