using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Npgsql;
using PartyPlatform.Messaging;
using PartyPlatform.TestInfrastructure;

[assembly: AssemblyFixture(typeof(PartyPlatform.EndToEnd.Tests.PlatformFixture))]

namespace PartyPlatform.EndToEnd.Tests;

/// <summary>
/// The whole platform, started once for the test assembly from the real AppHost: throwaway
/// PostgreSQL and RabbitMQ, every service, the gateway. Tests talk to it through the gateway only.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private DistributedApplication? app;

    private PlatformLogs? logs;

    /// <summary>The running AppHost: its resources' states, commands and logs.</summary>
    public DistributedApplication App => app ?? throw new InvalidOperationException("The platform has not started.");

    /// <summary>The gateway, called without a token.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The gateway, called by the demo city administrator's system with its token.</summary>
    public HttpClient CityAdmin { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        app = await StartOnPortsOfItsOwnAsync(timeout.Token);
        logs = new PlatformLogs(app, Processes);
        foreach (var resource in Services)
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }

        Gateway = app.CreateHttpClient("gateway");
        // The gateway's own probes may have found a service down while it was starting.
        await GatewayRoutesToEveryServiceAsync(StartTimeout);
        CityAdmin = ClientFor("city-admin-system", "dev-secret-city-admin");
    }

    /// <summary>
    /// The platform as run mode starts it: every process binds a port of its own (<c>Ports:*</c>), with no DCP proxy
    /// in front. Behind the proxy that the testing builder's random ports bring, DCP sometimes restarted a killed
    /// service without routing its proxy to it again (the new process, under the old name, got no endpoint): the
    /// service answered on its own port and never through the proxy. A port found free can be taken before the
    /// AppHost checks it (<c>RunModePorts</c> refuses to start then): the platform is tried again on others.
    /// </summary>
    private static async Task<DistributedApplication> StartOnPortsOfItsOwnAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ports = Processes.Zip(LoopbackPorts.Lasting(Processes.Count), (process, port) => $"Ports:{process}={port}");
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
                // Short-lived tokens and no clock skew, so that a disabled client's last token runs out within the test.
                ["Infrastructure:Ephemeral=true", "DemoData:Load=false", $"Identity:AccessTokenLifetime={TokenLifetime}", "Identity:ClockSkew=00:00:00",
                    "DcpPublisher:RandomizePorts=false", .. ports],
                cancellationToken);

            // Aspire points every service's telemetry at its dashboard's collector, but the testing builder runs no
            // dashboard: the exporters then retried against a closed port, and each service's shutdown waited for them
            // (over 10 s) longer than Aspire's stop command waits for a process to end. No collector, no exporter.
            foreach (var project in builder.Resources.OfType<ProjectResource>())
            {
                builder.CreateResourceBuilder(project).WithEnvironment(context => context.EnvironmentVariables.Remove(OtlpEndpoint));
            }

            var platform = await builder.BuildAsync(cancellationToken);
            try
            {
                await platform.StartAsync(cancellationToken);
                return platform;
            }
            catch (AggregateException refused) when (attempt < 3 && refused.Flatten().InnerExceptions.Any(e => e.Message.Contains(" is in use by another process", StringComparison.Ordinal)))
            {
                await platform.DisposeAsync();
            }
        }
    }

    /// <summary>The platform's own processes, in the order they become healthy.</summary>
    public static IReadOnlyList<string> Services { get; } = ["identity", "organizations", "venues", "dashboard", "personnel", "surveys", "assessments", "gateway"];

    /// <summary>Every process the AppHost starts: the servers, then the platform's own.</summary>
    public static IReadOnlyList<string> Processes { get; } = ["postgres", "rabbitmq", .. Services];

    /// <summary>
    /// What a test that stops or kills processes leaves behind, whatever happened in it: every process
    /// started again if it is down (a failed stop leaves Aspire's "Unknown"), healthy, and routed to by the
    /// gateway, so that one failure does not cascade into the tests after it.
    /// </summary>
    public async Task RestoreAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        foreach (var resource in Processes)
        {
            if (App.ResourceNotifications.TryGetCurrentState(resource, out var current)
                && current.Snapshot.State?.Text is { } state
                && (KnownResourceStates.TerminalStates.Contains(state) || state is "Terminated" or "Unknown"))
            {
                await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, deadline.Token);
            }
        }

        // The servers are processes of their own only where no container engine runs them.
        foreach (var resource in Processes.Where(r => App.ResourceNotifications.TryGetCurrentState(r, out _)))
        {
            await WaitHealthyAsync(resource, deadline.Token);
        }

        await GatewayRoutesToEveryServiceAsync(timeout);
    }

    /// <summary>
    /// Until the resource is healthy, through whatever states it passes on the way. Right after a start command its last
    /// state may still be the stop's Exited, on which the testing builder's default wait gives up ("failed to start").
    /// </summary>
    public Task WaitHealthyAsync(string resource, CancellationToken cancellationToken) =>
        App.ResourceNotifications.WaitForResourceHealthyAsync(resource, WaitBehavior.WaitOnResourceUnavailable, cancellationToken);

    /// <summary>Until the gateway's /health says it routes to every service, as Aspire's view of them says it can.</summary>
    private Task GatewayRoutesToEveryServiceAsync(TimeSpan timeout) =>
        Eventually.TrueAsync(async () =>
        {
            using var health = await Gateway.GetAsync("/health");
            var report = await health.Content.ReadFromJsonAsync<JsonElement>();
            return report.GetProperty("status").GetString() == "Healthy";
        }, timeout);

    /// <summary>Rows still waiting in the services' outboxes (Identity publishes nothing): facts committed but not yet on the broker.</summary>
    public async Task<long> UnsentFactsAsync(CancellationToken cancellationToken)
    {
        long unsent = 0;
        foreach (var service in Services.Where(s => s is not ("gateway" or "identity")))
        {
            await using var connection = new NpgsqlConnection(await App.GetConnectionStringAsync($"{service}db", cancellationToken));
            await connection.OpenAsync(cancellationToken);
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {MessagingModel.OutboxTable} WHERE sent_at IS NULL AND error IS NULL", connection);
            unsent += (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        return unsent;
    }

    /// <summary>A variable of a resource's environment as the AppHost started it (a server's data folder, say).</summary>
    public string EnvironmentOf(string resource, string variable) =>
        CurrentState(resource).Snapshot.EnvironmentVariables.Single(v => v.Name == variable).Value
        ?? throw new InvalidOperationException($"{resource} has no {variable}.");

    /// <summary>A resource's latest state as Aspire reports it.</summary>
    public ResourceEvent CurrentState(string resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource, out var current) ? current : throw new InvalidOperationException($"No resource '{resource}'.");

    /// <summary>The platform broker's queues and connections as the node itself sees them, for a failure message.</summary>
    public async Task<string> BrokerStateAsync()
    {
        try
        {
            return await RabbitMqCli.DescribeAsync(EnvironmentOf("rabbitmq", "RABBITMQ_DATA_DIR"));
        }
        catch (Exception exception)
        {
            return $"(rabbitmqctl failed: {exception.Message})";
        }
    }

    /// <summary>A machine client of its own, made by the city administrator through the gateway, with one role in one unit.</summary>
    public async Task<HttpClient> NewClientAsync(string role, string unitCode, CancellationToken cancellationToken)
    {
        var clientId = $"e2e-{Guid.NewGuid():N}"[..20];
        var created = await CityAdmin.PostAsJsonAsync("/api/identity/clients", new { clientId, displayName = "端到端测试", unitCode, roles = new[] { role } }, cancellationToken);
        created.EnsureSuccessStatusCode();
        return ClientFor(clientId, (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("clientSecret").GetString()!);
    }

    /// <summary>The gateway, called by a client that takes a fresh token whenever its last one is half spent.</summary>
    public HttpClient ClientFor(string clientId, string secret) =>
        new(new TokenHandler(this, clientId, secret) { InnerHandler = new HttpClientHandler() }) { BaseAddress = Gateway.BaseAddress };

    /// <summary>
    /// A token through the gateway, as a county system asks for one. Token requests share the
    /// loopback address with every other test, so a 429 is waited out once, for as long as it says.
    /// </summary>
    public async Task<string> TokenAsync(string clientId, string secret, CancellationToken cancellationToken)
    {
        var response = await RequestTokenAsync(clientId, secret, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(10), cancellationToken);
            response = await RequestTokenAsync(clientId, secret, cancellationToken);
        }

        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("access_token").GetString()!;
    }

    /// <summary>One client-credentials request, whatever it answers.</summary>
    public Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret, CancellationToken cancellationToken) =>
        Gateway.PostAsync("/connect/token", TokenRequest(clientId, secret), cancellationToken);

    public static FormUrlEncodedContent TokenRequest(string clientId, string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = clientId,
        ["client_secret"] = secret,
    });

    private sealed class TokenHandler(PlatformFixture platform, string clientId, string secret) : DelegatingHandler
    {
        private string? token;
        private DateTimeOffset renewAt;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (token is null || DateTimeOffset.UtcNow >= renewAt)
            {
                token = await platform.TokenAsync(clientId, secret, cancellationToken);
                renewAt = DateTimeOffset.UtcNow + TokenLifetime / 2;
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await base.SendAsync(request, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        CityAdmin?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await logs!.DisposeAsync();
            await app.DisposeAsync();
        }
    }
}
