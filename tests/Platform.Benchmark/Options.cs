using System.Globalization;

namespace PartyPlatform.Platform.Benchmark;

/// <summary>The command line: a command, then <c>--name value</c> pairs and <c>--flag</c>s.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string?> values;

    private Options(string command, Dictionary<string, string?> values)
    {
        Command = command;
        this.values = values;
    }

    public string Command { get; }

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected --name, not '{args[i]}'.");
            }

            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[args[i][2..]] = hasValue ? args[++i] : null;
        }

        return new Options(args.Length > 0 ? args[0] : "help", values);
    }

    public bool Flag(string name) => values.ContainsKey(name);

    public string? Text(string name) => values.GetValueOrDefault(name);

    public int Int(string name, int fallback) =>
        values.GetValueOrDefault(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public TimeSpan Duration(string name, TimeSpan fallback) =>
        values.GetValueOrDefault(name) is { } text
            ? text.Contains(':') ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture))
            : fallback;

    public IReadOnlyList<int> Ints(string name, IReadOnlyList<int> fallback) =>
        values.GetValueOrDefault(name) is { } text
            ? text.Split(',').Select(part => int.Parse(part, CultureInfo.InvariantCulture)).ToList()
            : fallback;
}
