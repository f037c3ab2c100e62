using System.Net.Sockets;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PartyPlatform.Messaging;

/// <summary>
/// Starts the bus once the broker accepts connections, instead of at once. MassTransit's RabbitMQ
/// transport retries a failed first connection after 3, 6, 12, 24 and then every 30 s (fixed in the
/// transport), so a service that starts before its broker, as every <c>scripts/run.sh</c> does, reached
/// it up to half a minute after it was up. Past <see cref="MessagingOptions.BrokerWaitLimit"/> the bus
/// starts anyway and MassTransit's own retries take over; a broker lost later is MassTransit's to rejoin.
/// </summary>
internal sealed class BrokerGatedBusStart(
    MassTransitHostedService bus, Uri broker, MessagingOptions options, ILogger<BrokerGatedBusStart> logger)
    : IHostedService, IAsyncDisposable
{
    // A refused connection costs next to nothing; a short interval keeps the start close to the broker's.
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);

    // Never disposed: a host may stop this service after its container has disposed it (WebApplicationFactory's
    // disposal can), and a source without timers or links holds nothing to release.
    private readonly CancellationTokenSource stopping = new();
    private Task gate = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Not awaited: the service answers HTTP (and /health says why it is not ready) while it waits.
        gate = StartWhenReachableAsync(stopping.Token);
        return Task.CompletedTask;
    }

    private async Task StartWhenReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WaitForBrokerAsync(cancellationToken);
            await bus.StartAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogCritical(exception, "The bus could not be started");
        }
    }

    private async Task WaitForBrokerAsync(CancellationToken cancellationToken)
    {
        var host = broker.Host;
        var port = broker.IsDefaultPort ? 5672 : broker.Port;
        var waited = TimeProvider.System.GetTimestamp();
        while (!await AcceptsConnectionsAsync(host, port, cancellationToken))
        {
            if (TimeProvider.System.GetElapsedTime(waited) >= options.BrokerWaitLimit)
            {
                logger.LogWarning("The broker at {Host}:{Port} did not accept connections within {Limit}; starting the bus, which keeps trying",
                    host, port, options.BrokerWaitLimit);
                break;
            }

            await Task.Delay(ProbeInterval, cancellationToken);
        }
    }

    private static async Task<bool> AcceptsConnectionsAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is SocketException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        try
        {
            await gate;
        }
        catch (OperationCanceledException)
        {
        }

        await bus.StopAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => bus.DisposeAsync();
}
