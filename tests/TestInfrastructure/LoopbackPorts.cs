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
}
