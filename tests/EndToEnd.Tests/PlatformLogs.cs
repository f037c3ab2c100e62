using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.EndToEnd.Tests;

/// <summary>
/// Every process's log as it comes, to <c>artifacts/platform-logs/&lt;resource&gt;.log</c> (restarts included): a failure
/// of a test on the shared platform is read afterwards in what each service said meanwhile.
/// </summary>
public sealed partial class PlatformLogs : IAsyncDisposable
{
    public static readonly string Folder = Path.Combine(RepositoryRoot.Path, "artifacts", "platform-logs");

    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> writers;

    public PlatformLogs(DistributedApplication app, IReadOnlyCollection<string> resources)
    {
        Directory.CreateDirectory(Folder);
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        // By the id of the running instance: a started resource keeps it across restarts, and its backlog holds what it said so far.
        writers = [.. resources
            .Select(resource => app.ResourceNotifications.TryGetCurrentState(resource, out var current) ? WriteAsync(logs, resource, current.ResourceId) : null)
            .OfType<Task>()];
    }

    private async Task WriteAsync(ResourceLoggerService logs, string resource, string resourceId)
    {
        await using var file = new StreamWriter(Path.Combine(Folder, $"{resource}.log"), append: false);
        try
        {
            await foreach (var batch in logs.WatchAsync(resourceId).WithCancellation(stop.Token))
            {
                foreach (var line in batch)
                {
                    await file.WriteLineAsync(ConsoleColours().Replace(line.Content, ""));
                }

                await file.FlushAsync();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>The console logger's colour codes, which Aspire asks for so that its dashboard shows them.</summary>
    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex ConsoleColours();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        stop.Dispose();
    }
}
