using System.Diagnostics;
using System.Text.Json;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Gateway.Tests;

/// <summary>What the tests ask of a running gateway and how they read its answers.</summary>
public static class GatewayCalls
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every service at <paramref name="healthy"/>, except those given their own address.</summary>
    public static Dictionary<string, string> Addresses(Upstream healthy, params (string Service, string Address)[] others)
    {
        var addresses = GatewayApp.RoutedServices.ToDictionary(service => service, _ => healthy.Address);
        foreach (var (service, address) in others)
        {
            addresses[service] = address;
        }
        return addresses;
    }

    public static string DeadAddress() => $"http://127.0.0.1:{Upstream.ClosedPort()}";

    public static async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> TimedGetAsync(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        var response = await client.GetAsync(path, Ct);
        return (response, watch.Elapsed);
    }

    /// <summary>A ProblemDetails from the gateway: its status, the service it names and the request's correlation id.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status, string service)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal(service, problem.GetProperty("service").GetString());
        Assert.Contains($"'{service}'", problem.GetProperty("detail").GetString());
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Correlation-Id")), problem.GetProperty("correlationId").GetString());
        return problem;
    }

    /// <summary>The gateway's <c>/health</c> report: overall status and each check's status.</summary>
    public static async Task<HealthView> HealthAsync(HttpClient client, string path = "/health")
    {
        var response = await client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var report = JsonDocument.Parse(body).RootElement;
        var checks = report.GetProperty("checks").EnumerateObject()
            .ToDictionary(check => check.Name, check => check.Value.GetProperty("status").GetString()!);
        return new HealthView((int)response.StatusCode, report.GetProperty("status").GetString()!, checks, report);
    }

    /// <summary>Waits until the gateway's health says <paramref name="status"/>; returns that report.</summary>
    public static async Task<HealthView> HealthBecomesAsync(HttpClient client, string status)
    {
        HealthView? last = null;
        try
        {
            return await Eventually.ValueAsync(async () => (last = await HealthAsync(client)).Status == status ? last : null,
                TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"/health did not become {status}; it said {last?.Report}", e);
        }
    }
}

public sealed record HealthView(int HttpStatus, string Status, Dictionary<string, string> Checks, JsonElement Report);
