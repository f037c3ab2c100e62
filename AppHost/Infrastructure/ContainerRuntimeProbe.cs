using System.Diagnostics;

namespace PartyPlatform.AppHost.Infrastructure;

/// <summary>
/// Is there a container engine that works right now? A docker CLI without a daemon is common
/// (and then Aspire's container resources would wait forever), so the CLI must answer
/// <c>info</c> successfully, not merely exist.
/// </summary>
public static class ContainerRuntimeProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The name of the first runtime that answers ("docker" or "podman"), or null.
    /// <paramref name="preferred"/> (Aspire's ASPIRE_CONTAINER_RUNTIME) is asked first.</summary>
    public static string? FindHealthyRuntime(string? preferred)
    {
        string[] candidates = string.IsNullOrWhiteSpace(preferred)
            ? ["docker", "podman"]
            : [preferred.Trim().ToLowerInvariant()];
        return candidates.FirstOrDefault(Answers);
    }

    private static bool Answers(string cli)
    {
        if (FindOnPath(cli) is not { } path)
        {
            return false;
        }

        var startInfo = new ProcessStartInfo(path)
        {
            ArgumentList = { "info" },
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        try
        {
            using var process = Process.Start(startInfo)!;
            process.StandardInput.Close();
            // Drain the output so that a chatty `info` cannot block on a full pipe.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false;
        }
    }

    private static string? FindOnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);
}
