using System.Diagnostics;

namespace PartyPlatform.TestInfrastructure;

/// <summary>The checkout's root folder: the first folder above the test binaries that holds
/// PartyPlatform.sln or global.json (the server scripts live in its scripts/ folder).</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Script(string name) => System.IO.Path.Combine(Path, "scripts", name);

    /// <summary>Runs a script of scripts/ to its end; its standard output and error together, trimmed.</summary>
    public static async Task<(int ExitCode, string Output)> RunScriptAsync(
        string name, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            ArgumentList = { Script(name) },
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        using var process = Process.Start(startInfo)!;
        process.StandardInput.Close();
        var (output, errors) = (process.StandardOutput.ReadToEndAsync(cancellationToken), process.StandardError.ReadToEndAsync(cancellationToken));
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, (await output + await errors).Trim());
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PartyPlatform.sln"))
                || File.Exists(System.IO.Path.Combine(dir.FullName, "global.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above {AppContext.BaseDirectory} holds PartyPlatform.sln or global.json: cannot find scripts/.");
    }
}
