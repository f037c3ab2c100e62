using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PartyPlatform.TestInfrastructure;

public static class LoopbackPorts
{
    /// <summary>A port that nothing listens on right now (a server binds it a moment later).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// <paramref name="count"/> distinct ports that nothing uses right now, for servers that bind the same port again
    /// each time they are restarted. They lie below the kernel's ephemeral range, which <see cref="Free"/> and every
    /// outgoing connection draw from: a client's connection could otherwise hold one of them when its server restarts.
    /// </summary>
    public static IReadOnlyList<int> Lasting(int count)
    {
        const int lowest = 10000;
        var ephemeralStart = Math.Max(EphemeralRangeStart(), lowest + 1000);
        var ports = new HashSet<int>();
        while (ports.Count < count)
        {
            var port = Random.Shared.Next(lowest, ephemeralStart);
            if (Unused(port))
            {
                ports.Add(port);
            }
        }

        return [.. ports];
    }

    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) ? int.Parse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture) : 32768;
    }

    /// <summary>Bindable without address reuse: no listener and no connection, not even one in TIME_WAIT, has it.</summary>
    private static bool Unused(int port)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
        try
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
