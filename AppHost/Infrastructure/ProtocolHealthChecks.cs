using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PartyPlatform.AppHost.Infrastructure;

/// <summary>
/// Health checks that speak the first bytes of each wire protocol. A bare TCP connect proves
/// nothing here: DCP's proxy accepts connections before the server behind it listens, and an
/// executable counts as "Running" as soon as its process exists.
/// </summary>
public abstract class ProtocolHealthCheck(EndpointReference endpoint) : IHealthCheck
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    // Several resources share one check (the server and its connection strings), and a broker logs
    // every probe: a healthy answer is reused for a few seconds instead of probing again.
    private static readonly TimeSpan HealthyReuse = TimeSpan.FromSeconds(10);
    private volatile HealthyAnswer? lastHealthy;

    protected abstract string Protocol { get; }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lastHealthy is { } last && DateTime.UtcNow - last.At < HealthyReuse)
        {
            return last.Result;
        }

        var result = await ProbeEndpointAsync(cancellationToken);
        lastHealthy = result.Status == HealthStatus.Healthy ? new HealthyAnswer(DateTime.UtcNow, result) : null;
        return result;
    }

    private sealed record HealthyAnswer(DateTime At, HealthCheckResult Result);

    private async Task<HealthCheckResult> ProbeEndpointAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        var address = "endpoint not allocated yet";
        try
        {
            // Not EndpointReference.IsAllocated/Port: IsAllocated caches its first answer, so a
            // check that runs before allocation would never see the port. These wait for it.
            var host = await endpoint.Property(EndpointProperty.Host).GetValueAsync(timeout.Token) ?? "localhost";
            var port = int.Parse(await endpoint.Property(EndpointProperty.Port).GetValueAsync(timeout.Token) ?? "0", CultureInfo.InvariantCulture);
            address = $"{host}:{port}";

            using var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync(host, port, timeout.Token);
            return await ProbeAsync(client.GetStream(), timeout.Token)
                ? HealthCheckResult.Healthy($"{Protocol} answers on {address}")
                : HealthCheckResult.Unhealthy($"{Protocol}: unexpected answer on {address}");
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{Protocol}: no answer ({address}, {ex.GetType().Name})");
        }
    }

    /// <summary>Sends the protocol's opening bytes and judges the first reply.</summary>
    protected abstract Task<bool> ProbeAsync(NetworkStream stream, CancellationToken cancellationToken);

    /// <summary>Reads until <paramref name="buffer"/> is full or the peer closes; returns the count.</summary>
    protected static async Task<int> ReadAtMostAsync(NetworkStream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}

/// <summary>PostgreSQL: an SSLRequest packet is answered with a single 'S' or 'N' by a server that
/// accepts connections, before any authentication (and logs nothing when we hang up).</summary>
public sealed class PostgresProtocolHealthCheck(EndpointReference endpoint) : ProtocolHealthCheck(endpoint)
{
    // Length 8, then the SSLRequest code 80877103 (0x04D2162F), big-endian.
    private static readonly byte[] SslRequest = [0x00, 0x00, 0x00, 0x08, 0x04, 0xD2, 0x16, 0x2F];

    protected override string Protocol => "PostgreSQL";

    protected override async Task<bool> ProbeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(SslRequest, cancellationToken);
        var reply = new byte[1];
        return await ReadAtMostAsync(stream, reply, cancellationToken) == 1 && reply[0] is (byte)'S' or (byte)'N';
    }
}

/// <summary>AMQP 0-9-1: the protocol header is answered with a Connection.Start method frame
/// (frame type 1 on channel 0) once the broker accepts clients.</summary>
public sealed class AmqpProtocolHealthCheck(EndpointReference endpoint) : ProtocolHealthCheck(endpoint)
{
    private static readonly byte[] ProtocolHeader = "AMQP\0\0\u0009\u0001"u8.ToArray();

    protected override string Protocol => "AMQP";

    protected override async Task<bool> ProbeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(ProtocolHeader, cancellationToken);
        // Frame header: type (1 = method), channel (2 bytes), payload size (4 bytes).
        var frame = new byte[7];
        return await ReadAtMostAsync(stream, frame, cancellationToken) == frame.Length
            && frame[0] == 1 && frame[1] == 0 && frame[2] == 0;
    }
}
