using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;

namespace PartyPlatform.EndToEnd.Tests;

/// <summary>
/// What the browser did, in order: navigations, loads, failed or refused requests, script errors and console errors.
/// A browser test that fails on CI leaves only its message behind, so the message carries this timeline and where each
/// page was at the end.
/// </summary>
public sealed class BrowserJournal
{
    private const int Kept = 60;

    private const int EntryLength = 240;

    private readonly ConcurrentQueue<string> entries = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly IBrowserContext context;

    public BrowserJournal(IBrowserContext context)
    {
        this.context = context;
        context.FrameNavigated += (_, frame) =>
        {
            if (frame.ParentFrame is null)
            {
                Add($"navigated {frame.Url}");
            }
        };
        context.PageLoad += (_, page) => Add($"load {page.Url}");
        context.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Add($"{response.Status} {response.Request.Method} {response.Url}");
            }
        };
        context.RequestFailed += (_, request) => Add($"failed {request.Method} {request.Url}: {request.Failure}");
        context.WebError += (_, error) => Add($"script error: {error.Error}");
        context.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Add($"console {message.Type}: {message.Text}");
            }
        };
    }

    /// <summary>Runs the steps; a failure comes back with the journal and each open page's address, state and text.</summary>
    public async Task RunAsync(Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch (Exception failure)
        {
            throw new BrowserStepFailedException($"{failure.Message}\n--- browser ---\n{await DescribeAsync()}", failure);
        }
    }

    private void Add(string entry)
    {
        // Sign-in addresses carry a whole authorization request; the start says which step it was.
        entries.Enqueue($"{clock.Elapsed.TotalSeconds,7:0.000}s {(entry.Length > EntryLength ? entry[..EntryLength] + "…" : entry)}");
        while (entries.Count > Kept && entries.TryDequeue(out _))
        {
        }
    }

    private async Task<string> DescribeAsync()
    {
        var lines = new List<string>(entries);
        foreach (var page in context.Pages)
        {
            string state;
            try
            {
                // A page whose script never yields would hold the evaluation forever.
                var seen = await page.EvaluateAsync<string[]>("() => [document.readyState, document.body ? document.body.innerText.slice(0, 300) : '']")
                    .WaitAsync(TimeSpan.FromSeconds(5));
                state = $"readyState {seen[0]}, text: {seen[1].ReplaceLineEndings(" ")}";
            }
            catch (Exception error) when (error is PlaywrightException or TimeoutException)
            {
                state = $"not readable: {error.Message}";
            }

            lines.Add($"page {page.Url}: {state}");
        }

        return string.Join('\n', lines);
    }
}

public sealed class BrowserStepFailedException(string message, Exception inner) : Exception(message, inner);
