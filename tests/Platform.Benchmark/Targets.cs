using System.Net.Http.Json;
using System.Text.Json;

namespace PartyPlatform.Platform.Benchmark;

/// <summary>The demo city's data the benchmarks aim at: 临渭区 (610502000000) and its villages.</summary>
public static class Targets
{
    public const string CountyCode = "610502000000";
    public const string CountyClient = "linwei-county-system";
    public const string CountySecret = "dev-secret-linwei";

    private static readonly TimeSpan DemoCityTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The county's id, once the demo city is there (a platform just started may still be loading it).</summary>
    public static async Task<Guid> CountyIdAsync(HttpClient gateway, TokenSource token)
    {
        var deadline = DateTimeOffset.UtcNow + DemoCityTimeout;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/organizations/unit-codes/{CountyCode}");
            try
            {
                request.Headers.Authorization = await token.HeaderAsync(CancellationToken.None);
                using var response = await gateway.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                }

                if (DateTimeOffset.UtcNow > deadline)
                {
                    throw new InvalidOperationException(
                        $"GET {request.RequestUri} answered {(int)response.StatusCode}: the benchmarks need the demo city (DemoData:Load=true).");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTimeOffset.UtcNow <= deadline)
            {
                Console.WriteLine($"  waiting for the platform: {e.Message}");
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>
    /// Waits until the Dashboard's copy holds as many villages and communities as Organizations (level
    /// Village): a platform just started is still loading the demo city and sending it to every copy, which
    /// takes both cores for a while and would be measured as the gateway's cost or the writes' latency.
    /// </summary>
    public static async Task SettledAsync(HttpClient gateway, TokenSource token)
    {
        var deadline = DateTimeOffset.UtcNow + DemoCityTimeout;
        Console.WriteLine("  waiting until the demo city has reached the Dashboard's copy (start-up settled)...");
        while (await CountAsync(gateway, token, "/api/organizations/units?level=Village&pageSize=1", page => page.GetProperty("totalCount").GetInt64())
               != await CountAsync(gateway, token, "/api/dashboard/tree/counties",
                   counties => counties.EnumerateArray().Sum(c => c.GetProperty("villages").GetInt64() + c.GetProperty("communities").GetInt64())))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The Dashboard's copy did not catch up with the demo city within {DemoCityTimeout}.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    public static async Task<long> CountAsync(HttpClient gateway, TokenSource token, string path, Func<JsonElement, long> count)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = await token.HeaderAsync(CancellationToken.None);
        using var response = await gateway.SendAsync(request);
        return response.IsSuccessStatusCode ? count(await response.Content.ReadFromJsonAsync<JsonElement>()) : -1;
    }

    public sealed record Village(Guid Id, string Name);

    public static async Task<IReadOnlyList<Village>> VillagesAsync(HttpClient gateway, TokenSource token, Guid countyId, int count)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"/api/organizations/units?level=Village&ancestorId={countyId}&pageSize={count}");
        request.Headers.Authorization = await token.HeaderAsync(CancellationToken.None);
        using var response = await gateway.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
        var villages = items.EnumerateArray()
            .Select(item => new Village(item.GetProperty("id").GetGuid(), item.GetProperty("name").GetString()!))
            .ToList();
        return villages.Count == count
            ? villages
            : throw new InvalidOperationException($"{CountyCode} has {villages.Count} villages; the soak needs {count}.");
    }
}
