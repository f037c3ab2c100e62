using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace PartyPlatform.AppHost.Infrastructure;

/// <summary>
/// Endpoints that DCP does not proxy. By default every endpoint gets a DCP proxy in front of it, so a
/// request through the gateway crossed a proxy before the gateway and another before the service, and
/// every SQL and AMQP round trip crossed one too: a copy of each byte and a scheduling hop on two
/// shared cores, for nothing (there is one replica of each, and the process binds the port itself).
/// DCP allocates no port for a proxy-less endpoint of a process, so one is chosen here: the fixed
/// port when one is configured (and the run is not the testing builder's, which randomises ports),
/// otherwise a free one.
/// </summary>
public static class DirectEndpoints
{
    /// <summary>Set by Aspire's testing builder: fixed ports become random ones so that runs can share a machine.</summary>
    private const string RandomizePortsKey = "DcpPublisher:RandomizePorts";

    /// <summary>The endpoint <paramref name="name"/> without a DCP proxy, on <paramref name="port"/> or a free port.</summary>
    public static IResourceBuilder<T> WithDirectEndpoint<T>(this IResourceBuilder<T> resource, string name, int? port = null)
        where T : IResourceWithEndpoints
    {
        var randomize = resource.ApplicationBuilder.Configuration.GetValue(RandomizePortsKey, false);
        var chosen = port is { } fixedPort && !randomize ? fixedPort : FreePort();
        return resource.WithEndpoint(name, endpoint =>
        {
            endpoint.IsProxied = false;
            endpoint.Port = chosen;
            endpoint.TargetPort = chosen;
        });
    }

    private static readonly HashSet<int> Chosen = [];

    /// <summary>Where free ports are looked for: below the range the system hands out to outgoing
    /// connections (Linux: /proc/sys/net/ipv4/ip_local_port_range, 32768 up), so that the many
    /// connections other processes open in the seconds before ours binds cannot take it.</summary>
    private const int LowestPort = 20_000;

    /// <summary>A port free now (the process binds it seconds later), never one chosen before.</summary>
    private static int FreePort()
    {
        var highest = FirstOutgoingPort() - 1;
        lock (Chosen)
        {
            while (true)
            {
                var port = highest > LowestPort ? Random.Shared.Next(LowestPort, highest + 1) : 0;
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
                }
                catch (SocketException)
                {
                    continue;
                }

                if (Chosen.Add(((IPEndPoint)probe.LocalEndPoint!).Port))
                {
                    return ((IPEndPoint)probe.LocalEndPoint!).Port;
                }
            }
        }
    }

    private static int FirstOutgoingPort()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var first)
            ? first
            : 49_152;   // IANA's dynamic range, used by Windows and macOS
    }
}
