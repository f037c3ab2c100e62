using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace PartyPlatform.AppHost.Infrastructure;

/// <summary>
/// The fixed ports of run mode (configuration section <c>Ports</c>, keyed by resource name). Each
/// process binds its own port: by default DCP puts a proxy in front of every endpoint, so a request
/// through the gateway crossed one before the gateway and another before the service, and every SQL
/// and AMQP round trip crossed one too, for nothing (there is one replica of each). DCP gives a
/// proxy-less process endpoint no port of its own, hence fixed ones. Aspire's testing builder
/// randomises ports so that runs can share a machine: there, and for a resource without a
/// configured port, the endpoint keeps DCP's proxy, which is what gives it a free port.
/// </summary>
public static class RunModePorts
{
    public const string Section = "Ports";

    /// <summary>Set by Aspire's testing builder.</summary>
    private const string RandomizePortsKey = "DcpPublisher:RandomizePorts";

    /// <summary>The port configured for <paramref name="resource"/> (<c>Ports:&lt;resource&gt;</c>), if any.</summary>
    public static int? Configured(IDistributedApplicationBuilder builder, string resource) =>
        builder.Configuration.GetValue<int?>($"{Section}:{resource}");

    /// <summary>The configured port of <paramref name="resource"/> when it binds it itself, else null.</summary>
    private static int? DirectPort(IDistributedApplicationBuilder builder, string resource) =>
        builder.Configuration.GetValue(RandomizePortsKey, false) ? null : Configured(builder, resource);

    /// <summary>Endpoint <paramref name="endpointName"/> on the resource's configured port without DCP's proxy (run mode).</summary>
    public static IResourceBuilder<T> WithRunModePort<T>(this IResourceBuilder<T> resource, string endpointName)
        where T : IResourceWithEndpoints
    {
        if (DirectPort(resource.ApplicationBuilder, resource.Resource.Name) is not { } port)
        {
            return resource;
        }

        resource.WithEndpoint(endpointName, endpoint =>
        {
            endpoint.IsProxied = false;
            endpoint.Port = port;
            endpoint.TargetPort = port;
        });
        resource.ApplicationBuilder.Eventing.Subscribe<BeforeStartEvent>((_, _) =>
        {
            EnsureFree(resource.Resource.Name, port);
            return Task.CompletedTask;
        });
        return resource;
    }

    /// <summary>
    /// A port held by another process would make the resource fail to bind and be restarted again and
    /// again; say which port and which setting instead, once, before anything starts.
    /// </summary>
    private static void EnsureFree(string resource, int port)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        // As Kestrel and the servers bind: connections of a previous run in TIME_WAIT do not count.
        probe.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new InvalidOperationException(
                $"Port {port} for '{resource}' is in use by another process (see `ss -ltnp 'sport = :{port}'`): stop it, or set {Section}:{resource} to a free port.",
                exception);
        }
    }
}
