using System.Net.Http.Json;
using System.Text.Json;

namespace PartyPlatform.Platform.Benchmark;

/// <summary>
/// Issue 10's read target: the city's village-secretary profile, and the profiles of its counties, read
/// through the gateway at a fixed rate (50 requests/s by default), p50 and p95 per round and over all
/// rounds. The city has the demo city's ~3,200 villages and communities under it.
/// </summary>
public static class ProfileReads
{
    private const string CityCode = "610500000000";
    private const string CityClient = "city-admin-system";
    private const string CitySecret = "dev-secret-city-admin";

    private static readonly TimeSpan StaffTimeout = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan StaffQuietPeriod = TimeSpan.FromSeconds(15);

    public static async Task RunAsync(PlatformUnderTest platform, Options options)
    {
        var rate = options.Int("rate", 50);
        var duration = options.Duration("fixed-seconds", TimeSpan.FromSeconds(20));
        var rounds = options.Int("rounds", 3);
        using var gateway = LoadDriver.Client(platform.Gateway, TimeSpan.FromSeconds(30));
        var token = new TokenSource(gateway, CityClient, CitySecret);
        await Targets.CountyIdAsync(gateway, token);
        await Targets.SettledAsync(gateway, token);
        var city = await CityIdAsync(gateway, token);
        await StaffLoadedAsync(gateway, token, city);
        var reads = new (string Name, string Path)[]
        {
            ("city profile", $"/api/personnel/village-secretary-profiles/{city}"),
            ("county profiles", $"/api/personnel/village-secretary-profiles?unitId={city}"),
        };

        Console.WriteLine($"Village-secretary profiles through the gateway as {CityClient}; {platform.Description}; {Environment.ProcessorCount} cores");
        foreach (var (name, path) in reads)
        {
            Console.WriteLine($"\n{name}: GET {path}\n  {await FirstAnswerAsync(gateway, token, path)}");
            await ReadRounds.RunAsync(gateway, token, path, rate, duration, rounds);
        }
    }

    /// <summary>
    /// Waits until Personnel's demo staff is loaded: the city profile counts every village and community of
    /// the tree, and its secretaries have not grown for <see cref="StaffQuietPeriod"/>. Loading takes both
    /// cores, and a read measured meanwhile measures the loader.
    /// </summary>
    private static async Task StaffLoadedAsync(HttpClient gateway, TokenSource token, Guid city)
    {
        Console.WriteLine("  waiting until Personnel's demo staff is loaded...");
        var deadline = DateTimeOffset.UtcNow + StaffTimeout;
        var villages = await Targets.CountAsync(gateway, token, "/api/organizations/units?level=Village&pageSize=1", page => page.GetProperty("totalCount").GetInt64());
        var (seen, since) = (-1L, DateTimeOffset.UtcNow);
        while (true)
        {
            var profile = await ProfileAsync(gateway, token, city);
            var secretaries = profile is { } p && p.GetProperty("villages").GetInt64() == villages ? p.GetProperty("secretaries").GetInt64() : -1;
            if (secretaries > 0 && secretaries == seen && DateTimeOffset.UtcNow - since >= StaffQuietPeriod)
            {
                return;
            }

            if (secretaries != seen)
            {
                (seen, since) = (secretaries, DateTimeOffset.UtcNow);
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Personnel's demo staff did not settle within {StaffTimeout}.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<JsonElement?> ProfileAsync(HttpClient gateway, TokenSource token, Guid city)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/personnel/village-secretary-profiles/{city}");
        request.Headers.Authorization = await token.HeaderAsync(CancellationToken.None);
        using var response = await gateway.SendAsync(request);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    private static async Task<Guid> CityIdAsync(HttpClient gateway, TokenSource token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/organizations/unit-codes/{CityCode}");
        request.Headers.Authorization = await token.HeaderAsync(CancellationToken.None);
        using var response = await gateway.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>What is being read, in a line: the city's counts, so that a run on an empty city shows as one.</summary>
    private static async Task<string> FirstAnswerAsync(HttpClient gateway, TokenSource token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = await token.HeaderAsync(CancellationToken.None);
        using var response = await gateway.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.TryGetProperty("villages", out var villages)
            ? $"{villages.GetInt32()} villages, {body.GetProperty("secretaries").GetInt32()} secretaries, 一肩挑 {body.GetProperty("alsoDirectorPercent").GetDecimal()} %, version {body.GetProperty("version").GetInt64()}"
            : $"{body.GetProperty("totalCount").GetInt32()} units";
    }
}
