using System.Net;
using System.Text;

namespace PartyPlatform.TestInfrastructure.Authorization;

/// <summary>What each caller got from each call, and every answer that broke the rule.</summary>
public sealed class MatrixReport
{
    private readonly List<string> callers = [];
    private readonly List<string> calls = [];
    private readonly Dictionary<(string Call, string Caller), string> statuses = [];

    public List<string> Violations { get; } = [];

    public void Record(string call, string caller, HttpStatusCode status)
    {
        if (!calls.Contains(call))
        {
            calls.Add(call);
        }

        if (!callers.Contains(caller))
        {
            callers.Add(caller);
        }

        statuses[(call, caller)] = statuses.TryGetValue((call, caller), out var earlier) ? $"{earlier}, {(int)status}" : $"{(int)status}";
    }

    /// <summary>Throws with the whole table when any answer broke the rule, so that a failure shows every status.</summary>
    public void ThrowIfViolated()
    {
        if (Violations.Count > 0)
        {
            throw new InvalidOperationException($"{Violations.Count} answers broke the scope rule:\n{this}");
        }
    }

    /// <summary>A table of the statuses, a row per call and a column per caller, then the violations.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"| call | {string.Join(" | ", callers)} |");
        text.AppendLine($"| --- |{string.Concat(callers.Select(_ => " --- |"))}");
        foreach (var call in calls)
        {
            text.AppendLine($"| {call} | {string.Join(" | ", callers.Select(c => statuses.GetValueOrDefault((call, c), "")))} |");
        }

        foreach (var violation in Violations)
        {
            text.AppendLine($"VIOLATION {violation}");
        }

        return text.ToString();
    }
}
