using System.Diagnostics;

namespace PartyPlatform.TestInfrastructure;

/// <summary>
/// One scripts/*-server.sh process: started with its environment, its output kept (the last lines
/// explain a failed start), stopped with SIGTERM. The scripts get PARENT_PID, so they stop their
/// server by themselves if this test process dies without disposing.
/// </summary>
internal sealed class ServerProcess
{
    private const int MaxKeptLines = 300;
    private readonly Process process;
    private readonly RecentLines output = new(MaxKeptLines);

    private ServerProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    public string Name { get; }

    public bool HasExited => process.HasExited;

    /// <summary>
    /// Starts a server on a free port and waits until it answers. A port found free can be taken
    /// before the server binds it: a server that exited while starting is tried again on another port.
    /// </summary>
    public static async Task<TServer> StartOnFreePortAsync<TServer>(
        Func<int, TServer> start, Func<TServer, ServerProcess> processOf, Func<TServer, CancellationToken, Task> waitUntilReady,
        CancellationToken cancellationToken)
        where TServer : IAsyncDisposable
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = start(LoopbackPorts.Free());
            try
            {
                await waitUntilReady(server, cancellationToken);
                return server;
            }
            catch (Exception) when (attempt < 3 && processOf(server).HasExited && !cancellationToken.IsCancellationRequested)
            {
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    public static ServerProcess Start(string name, string script, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            ArgumentList = { RepositoryRoot.Script(script) },
            WorkingDirectory = RepositoryRoot.Path,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        startInfo.Environment["PARENT_PID"] = Environment.ProcessId.ToString();

        var process = new Process { StartInfo = startInfo };
        var server = new ServerProcess(name, process);
        process.OutputDataReceived += (_, e) => server.output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => server.output.Add(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>The last lines the server printed, for failure messages.</summary>
    public string RecentOutput() => output.ToString();

    /// <summary>SIGTERM (the scripts turn it into a clean, prompt shutdown), then wait; kill if it hangs.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (process.HasExited)
        {
            return;
        }

        _ = ProcessSignals.Terminate(process.Id);
        if (!await WaitForExitAsync(timeout))
        {
            process.Kill(entireProcessTree: true);
            await WaitForExitAsync(TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>Polls for the exit itself: WaitForExitAsync would also wait for the end of the output
    /// streams, which a daemon the server spawned (Erlang's epmd) may hold open.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited)
        {
            if (deadline.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    public InvalidOperationException StartFailure(string reason) =>
        new($"{Name} did not start: {reason}. Its last output:{Environment.NewLine}{RecentOutput()}");

    /// <summary>A fresh folder for one server's data. Its name carries this process id, so that
    /// folders left by a killed test run are recognised and removed by the next run.</summary>
    public static string CreateTempDirectory(string kind)
    {
        RemoveLeftoverTempDirectories();
        var path = Path.Combine(Path.GetTempPath(), $"{TempPrefix}{kind}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void DeleteDirectory(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && attempt < 5)
            {
                // A server process that is just exiting may still remove or write a file.
                Thread.Sleep(200);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return; // Left for RemoveLeftoverTempDirectories of a later run.
            }
        }
    }

    private const string TempPrefix = "partyplatform-test-";

    private static void RemoveLeftoverTempDirectories()
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), TempPrefix + "*"))
        {
            // partyplatform-test-<kind>-<pid>-<guid>
            var parts = Path.GetFileName(dir).Split('-');
            if (parts.Length == 5 && int.TryParse(parts[3], out var pid) && pid != Environment.ProcessId && !ProcessSignals.IsRunning(pid))
            {
                DeleteDirectory(dir);
            }
        }
    }
}
