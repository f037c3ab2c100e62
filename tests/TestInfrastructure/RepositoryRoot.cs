namespace PartyPlatform.TestInfrastructure;

/// <summary>The checkout's root folder: the first folder above the test binaries that holds
/// PartyPlatform.sln or global.json (the server scripts live in its scripts/ folder).</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Script(string name) => System.IO.Path.Combine(Path, "scripts", name);

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
