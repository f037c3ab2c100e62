using System.Collections.Concurrent;
using System.Net.Http.Json;

namespace PartyPlatform.Platform.Benchmark;

/// <summary>
/// County writes through the gateway as a county system sends them: renames of 临渭区's first 100
/// villages, each rename a change that fans out (outbox, relay, RabbitMQ, every copy of the tree).
/// A village is renamed again only once its last rename answered, so no two renames of one village
/// race (that would be a documented 409); a tick that finds every village busy sends nothing and is
/// counted as skipped.
/// </summary>
public sealed class CountyWrites
{
    public const int VillageCount = 100;

    private readonly HttpClient gateway;
    private readonly TokenSource token;
    private readonly IReadOnlyList<Targets.Village> villages;
    private readonly ConcurrentQueue<Targets.Village> idle;
    private int renames;

    private CountyWrites(HttpClient gateway, TokenSource token, IReadOnlyList<Targets.Village> villages)
    {
        this.gateway = gateway;
        this.token = token;
        this.villages = villages;
        idle = new ConcurrentQueue<Targets.Village>(villages);
    }

    public static async Task<CountyWrites> PrepareAsync(HttpClient gateway)
    {
        var token = new TokenSource(gateway, Targets.CountyClient, Targets.CountySecret);
        var county = await Targets.CountyIdAsync(gateway, token);
        await Targets.SettledAsync(gateway, token);
        return new CountyWrites(gateway, token, await Targets.VillagesAsync(gateway, token, county, VillageCount));
    }

    public async Task<int> RenameNextAsync(CancellationToken cancellationToken)
    {
        if (!idle.TryDequeue(out var village))
        {
            return Latencies.NotSent;
        }

        try
        {
            return await RenameAsync(village, $"{village.Name} #{Interlocked.Increment(ref renames)}", cancellationToken);
        }
        finally
        {
            idle.Enqueue(village);
        }
    }

    /// <summary>Gives every village its name from before the run back.</summary>
    public async Task RestoreNamesAsync()
    {
        foreach (var village in villages)
        {
            await RenameAsync(village, village.Name, CancellationToken.None);
        }
    }

    private async Task<int> RenameAsync(Targets.Village village, string name, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/organizations/units/{village.Id}/name")
        {
            Content = JsonContent.Create(new { name }),
        };
        request.Headers.Authorization = await token.HeaderAsync(cancellationToken);
        using var response = await gateway.SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    }
}
