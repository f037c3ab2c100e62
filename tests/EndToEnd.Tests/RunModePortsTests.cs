using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.EndToEnd.Tests;

/// <summary>
/// The AppHost's model, built but not started. In run mode every process binds its configured port
/// (<c>Ports:*</c>) itself, with no DCP proxy in between (the hop the gateway's benchmark paid twice);
/// under the testing builder, which randomises ports, the proxy stays because it is what gives an
/// endpoint a free port. The shared test platform chooses free ports itself and runs as run mode does.
/// </summary>
public sealed class RunModePortsTests(PlatformFixture platform)
{
    private static IReadOnlyList<string> Processes => PlatformFixture.Processes;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task In_run_mode_every_process_binds_its_configured_port_itself()
    {
        var ports = Processes.ToDictionary(name => name, _ => LoopbackPorts.Free());
        await using var app = await BuildAsync(["DcpPublisher:RandomizePorts=false", .. ports.Select(p => $"Ports:{p.Key}={p.Value}")]);

        foreach (var (name, port) in ports)
        {
            var endpoint = Endpoint(app, name);
            Assert.False(endpoint.IsProxied, name);
            Assert.Equal((port, port), (endpoint.Port, endpoint.TargetPort));
        }
    }

    [Fact]
    public void The_shared_test_platform_runs_without_the_proxy_as_run_mode_does()
    {
        foreach (var name in Processes)
        {
            var endpoint = Endpoint(platform.App, name);
            Assert.False(endpoint.IsProxied, name);
            Assert.Equal(endpoint.Port, endpoint.AllocatedEndpoint?.Port);
        }
    }

    [Fact]
    public async Task Under_the_testing_builder_every_endpoint_keeps_the_proxy()
    {
        await using var app = await BuildAsync([]);

        Assert.All(Processes, name => Assert.True(Endpoint(app, name).IsProxied, name));
    }

    [Fact]
    public async Task A_port_held_by_another_process_stops_the_start_with_the_port_and_the_setting_to_change()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        await using var app = await BuildAsync(["DcpPublisher:RandomizePorts=false", $"Ports:venues={port}"]);

        // Aspire raises the start event's handlers together, so the refusal comes wrapped.
        var refused = Assert.Single(Assert.IsType<AggregateException>(await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync(Ct))).Flatten().InnerExceptions);

        Assert.IsType<InvalidOperationException>(refused);
        Assert.Contains($"Port {port} for 'venues' is in use", refused.Message);
        Assert.Contains("Ports:venues", refused.Message);
        Assert.DoesNotContain(app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>(),
            project => app.ResourceNotifications.TryGetCurrentState(project.Name, out var state) && state.Snapshot.State?.Text == KnownResourceStates.Running);
    }

    private static async Task<DistributedApplication> BuildAsync(string[] args)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["Infrastructure:Mode=Executables", "Infrastructure:Ephemeral=true", .. args], Ct);
        return await builder.BuildAsync(Ct);
    }

    private static EndpointAnnotation Endpoint(DistributedApplication app, string resource) =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resource)
            .Annotations.OfType<EndpointAnnotation>().Single(e => e.Name is "http" or "tcp");
}
