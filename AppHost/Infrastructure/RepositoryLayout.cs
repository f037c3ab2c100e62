using System.Diagnostics;

namespace PartyPlatform.AppHost.Infrastructure;

/// <summary>Where the repository, its server scripts and the platform's run-time data are.</summary>
public sealed record RepositoryLayout(string Root)
{
    public string Script(string name) => Path.Combine(Root, "scripts", name);

    /// <summary>The first folder at or above the AppHost project that holds PartyPlatform.sln or global.json.</summary>
    public static RepositoryLayout Find(string appHostDirectory)
    {
        for (var dir = new DirectoryInfo(appHostDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PartyPlatform.sln")) || File.Exists(Path.Combine(dir.FullName, "global.json")))
            {
                return new RepositoryLayout(dir.FullName);
            }
        }

        throw new InvalidOperationException($"No folder at or above {appHostDirectory} holds PartyPlatform.sln or global.json.");
    }

    /// <summary>
    /// The data folder: <c>Infrastructure:DataDir</c> (relative to the repository root), by default
    /// <c>&lt;repo&gt;/.data</c>. Ephemeral runs get a fresh temporary folder instead, named after
    /// this process: the servers delete their data when they stop, and a later run removes what
    /// is left of folders whose process is gone.
    /// </summary>
    public string DataDirectory(InfrastructureOptions options)
    {
        if (!options.Ephemeral)
        {
            var configured = string.IsNullOrWhiteSpace(options.DataDir) ? ".data" : options.DataDir;
            return Path.GetFullPath(configured, Root);
        }

        RemoveLeftoverEphemeralDirectories();
        var path = Path.Combine(Path.GetTempPath(), $"{EphemeralPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static void DeleteEphemeral(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private const string EphemeralPrefix = "partyplatform-apphost-";

    private static void RemoveLeftoverEphemeralDirectories()
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), EphemeralPrefix + "*"))
        {
            var pidText = Path.GetFileName(dir)[EphemeralPrefix.Length..].Split('-')[0];
            if (int.TryParse(pidText, out var pid) && pid != Environment.ProcessId && !IsRunning(pid))
            {
                DeleteEphemeral(dir);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
