using System.Net;
using System.Net.Sockets;

namespace PartyPlatform.TestInfrastructure;

/// <summary>
/// A TCP relay on a port of its own to a server on this machine: a test points one client at it and
/// takes the server away from that client alone (<see cref="Cut"/>: every connection dropped, new ones
/// refused), as a restart or a network fault would, while the tests beside it keep the server.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly int targetPort;
    private readonly List<TcpClient> connections = [];
    private TcpListener? listener;
    private CancellationTokenSource? accepting;
    private Task acceptLoop = Task.CompletedTask;

    private TcpRelay(int targetPort)
    {
        this.targetPort = targetPort;
        Port = LoopbackPorts.Free();
    }

    public int Port { get; }

    public static TcpRelay Start(int targetPort)
    {
        var relay = new TcpRelay(targetPort);
        relay.Restore();
        return relay;
    }

    /// <summary>Drops every connection and refuses new ones until <see cref="Restore"/>.</summary>
    public async Task CutAsync()
    {
        accepting?.Cancel();
        listener?.Stop();
        await acceptLoop;
        lock (connections)
        {
            connections.ForEach(c => c.Dispose());
            connections.Clear();
        }
    }

    /// <summary>Accepts connections again, on the same port.</summary>
    public void Restore()
    {
        accepting = new CancellationTokenSource();
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Start();
        acceptLoop = AcceptAsync(listener, accepting.Token);
    }

    private async Task AcceptAsync(TcpListener from, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await from.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, targetPort, ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            lock (connections)
            {
                connections.Add(client);
                connections.Add(server);
            }

            _ = PumpAsync(client, server);
        }
    }

    /// <summary>Both directions until either side closes; then both close.</summary>
    private static async Task PumpAsync(TcpClient client, TcpClient server)
    {
        try
        {
            await Task.WhenAny(client.GetStream().CopyToAsync(server.GetStream()), server.GetStream().CopyToAsync(client.GetStream()));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Cut: the other side's pump ends the same way.
        }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await CutAsync();
}
