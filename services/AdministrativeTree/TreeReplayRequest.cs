using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.AdministrativeTree;

/// <summary>
/// At every start, asks Organizations to publish the tree again, so that the copy catches up on
/// events it missed while its queue did not exist. Cheap (a few thousand events a service ignores
/// by version) and it needs no bookkeeping of what might have been missed.
/// </summary>
internal sealed partial class TreeReplayRequest(IBusControl bus, TimeProvider time, ServiceName service, ILogger<TreeReplayRequest> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before this service's own queues are bound: a replay answered earlier would miss them.
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken);
        var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{TreeReplayRequested.Queue}"));
        await endpoint.Send(new TreeReplayRequested(service.Name, time.GetUtcNow()), stoppingToken);
        LogRequested(logger, service.Name);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Service} asked Organizations to replay the tree")]
    private static partial void LogRequested(ILogger logger, string service);
}

internal sealed record ServiceName(string Name);
