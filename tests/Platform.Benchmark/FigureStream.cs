using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PartyPlatform.Platform.Benchmark;

/// <summary>
/// The Dashboard's server-sent figure events through the gateway, read as an open page's <c>EventSource</c> reads them:
/// <see cref="Expect"/> answers when the first event naming a unit arrived (a <see cref="Stopwatch"/> timestamp).
/// </summary>
public sealed class FigureStream : IAsyncDisposable
{
    private const string Path = "/api/dashboard/stream/figures";

    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<long>> expected = new();
    private readonly CancellationTokenSource stop = new();
    private readonly HttpClient client;
    private readonly HttpResponseMessage response;
    private readonly Task reading;

    private FigureStream(HttpClient client, HttpResponseMessage response)
    {
        this.client = client;
        this.response = response;
        reading = ReadAsync();
    }

    public static async Task<FigureStream> OpenAsync(Uri gateway, AuthenticationHeaderValue authorization)
    {
        var client = new HttpClient { BaseAddress = gateway, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Authorization = authorization;
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {Path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return new FigureStream(client, response);
    }

    /// <summary>Registered before the write, so that an event arriving before the write's answer is not missed.</summary>
    public Task<long> Expect(Guid unit)
    {
        var arrival = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        expected[unit] = arrival;
        return arrival.Task;
    }

    private async Task ReadAsync()
    {
        await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
        using var reader = new StreamReader(body, Encoding.UTF8);
        var (name, data, started) = ((string?)null, new StringBuilder(), 0L);
        while (await reader.ReadLineAsync(stop.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (name == "figures" && data.Length > 0)
                {
                    Announce(data.ToString(), started);
                }

                (name, started) = (null, 0);
                data.Clear();
                continue;
            }

            if (started == 0)
            {
                started = Stopwatch.GetTimestamp();
            }

            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line["data:".Length..].Trim());
            }
        }
    }

    private void Announce(string data, long arrived)
    {
        using var figures = JsonDocument.Parse(data);
        foreach (var unit in figures.RootElement.GetProperty("unitIds").EnumerateArray())
        {
            if (expected.TryRemove(unit.GetGuid(), out var arrival))
            {
                arrival.TrySetResult(arrived);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await reading;
        }
        catch (OperationCanceledException)
        {
        }

        response.Dispose();
        client.Dispose();
        stop.Dispose();
    }
}
