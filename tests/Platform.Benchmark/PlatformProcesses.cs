using System.Globalization;

namespace PartyPlatform.Platform.Benchmark;

/// <summary>
/// The memory of the platform's processes (Linux /proc): the descendants of the AppHost and of the
/// orchestrator (DCP) that watches it, which detaches from the AppHost and starts every resource.
/// </summary>
public static class PlatformProcesses
{
    private static readonly string[] Services = ["Gateway", "Identity", "Organizations", "Venues", "Dashboard", "Personnel", "Surveys", "Assessments"];

    /// <summary>One resource's processes: how many, their resident memory summed, and their proportional
    /// share (PSS: PostgreSQL's backends share its buffers, which RSS would count once per backend).</summary>
    public sealed record Memory(string Resource, int Processes, long RssBytes, long PssBytes);

    /// <summary>The AppHost that <c>scripts/run.sh</c> started, if one runs.</summary>
    public static int? FindAppHost() =>
        AllProcesses().Where(pid => ArgumentZero(pid) is { } name && Path.GetFileNameWithoutExtension(name) == "AppHost")
            .Select(pid => (int?)pid).FirstOrDefault();

    public static IReadOnlyList<Memory> Measure(int appHost) =>
        Descendants(appHost)
            .Select(pid => (Pid: pid, Resource: ResourceOf(pid)))
            .Where(process => process.Resource is not null)
            .GroupBy(process => process.Resource!)
            .Select(group => new Memory(group.Key, group.Count(),
                group.Sum(process => Kilobytes(process.Pid, "status", "VmRSS:")) * 1024,
                group.Sum(process => Kilobytes(process.Pid, "smaps_rollup", "Pss:")) * 1024))
            .OrderBy(memory => memory.Resource, StringComparer.Ordinal)
            .ToList();

    /// <summary>The processes of one resource (e.g. <c>surveys</c>), to sample their memory often without walking the tree each time.</summary>
    public static IReadOnlyList<int> ProcessesOf(int appHost, string resource) =>
        Descendants(appHost).Where(pid => ResourceOf(pid) == resource).ToList();

    /// <summary>A process's working set (resident memory, VmRSS); 0 when it has gone.</summary>
    public static long WorkingSetBytes(int pid) => Kilobytes(pid, "status", "VmRSS:") * 1024;

    /// <summary>A process's peak working set since it started (VmHWM); 0 when it has gone.</summary>
    public static long PeakWorkingSetBytes(int pid) => Kilobytes(pid, "status", "VmHWM:") * 1024;

    private static List<int> Descendants(int appHost)
    {
        var processes = AllProcesses().ToList();
        var children = processes.ToLookup(ParentOf);
        var orchestrators = processes.Where(pid => Arguments(pid) is [var program, .. var rest]
                                                   && Path.GetFileName(program) == "dcp"
                                                   && rest.SkipWhile(a => a != "--monitor").Skip(1).FirstOrDefault() == appHost.ToString(CultureInfo.InvariantCulture));
        var descendants = new List<int>();
        var next = new Queue<int>([appHost, .. orchestrators]);
        while (next.TryDequeue(out var pid))
        {
            foreach (var child in children[pid])
            {
                descendants.Add(child);
                next.Enqueue(child);
            }
        }

        return descendants;
    }

    private static string? ResourceOf(int pid)
    {
        var arguments = Arguments(pid);
        if (arguments.Length == 0)
        {
            return null;
        }

        // A project runs as its apphost executable, or as "dotnet <Name>.dll".
        var program = Path.GetFileName(arguments[0]) == "dotnet" && arguments.Length > 1 ? arguments[^1] : arguments[0];
        var name = Path.GetFileNameWithoutExtension(program);
        if (Services.FirstOrDefault(service => name == service) is { } serviceName)
        {
            return serviceName.ToLowerInvariant();
        }

        return Command(pid) switch
        {
            "postgres" => "postgres",
            "beam.smp" or "erl_child_setup" or "inet_gethost" or "epmd" => "rabbitmq",
            _ => null,
        };
    }

    private static IEnumerable<int> AllProcesses() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture));

    private static int ParentOf(int pid) =>
        Read(pid, "stat") is { } stat && stat[(stat.LastIndexOf(')') + 2)..].Split(' ') is [_, var parent, ..]
            ? int.Parse(parent, CultureInfo.InvariantCulture)
            : -1;

    private static string[] Arguments(int pid) =>
        Read(pid, "cmdline")?.Split('\0', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static string? ArgumentZero(int pid) => Arguments(pid).FirstOrDefault();

    private static string? Command(int pid) => Read(pid, "comm")?.Trim();

    private static long Kilobytes(int pid, string file, string field) =>
        Read(pid, file)?.Split('\n').FirstOrDefault(line => line.StartsWith(field, StringComparison.Ordinal)) is { } line
            ? long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)
            : 0;

    /// <summary>A /proc file, or null when the process has gone.</summary>
    private static string? Read(int pid, string file)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/{file}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
