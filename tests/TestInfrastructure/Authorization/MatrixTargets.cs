namespace PartyPlatform.TestInfrastructure.Authorization;

/// <summary>
/// What the matrix aims at: route values naming real entities of county B, a body for every write,
/// and the names and codes of county B that a caller of county A must never see.
/// </summary>
public sealed class MatrixTargets
{
    private readonly Dictionary<string, string> values = [];
    private readonly Dictionary<(string Pattern, string Parameter), string> patternValues = [];
    private readonly HashSet<string> open = [];
    private readonly Dictionary<string, string> missing = [];
    private readonly List<MatrixWrite> writes = [];
    private readonly List<string> markers = [];

    public IReadOnlyList<MatrixWrite> Writes => writes;

    /// <summary>The markers given, and every route value that names something of county B (ids and codes).</summary>
    public IReadOnlyList<string> ForeignMarkers =>
        [.. markers, .. values.Where(v => !open.Contains(v.Key)).Select(v => v.Value), .. patternValues.Values, .. writes.SelectMany(w => w.Route?.Values ?? [])];

    /// <summary>The entity of county B that <paramref name="parameter"/> names wherever a pattern has it.</summary>
    public MatrixTargets Route(string parameter, string value)
    {
        values[parameter] = value;
        return this;
    }

    /// <summary>The entity of county B that <paramref name="parameter"/> names in one pattern (several kinds share "{id}").</summary>
    public MatrixTargets Route(string pattern, string parameter, string value)
    {
        patternValues[(pattern, parameter)] = value;
        return this;
    }

    /// <summary>A parameter that belongs to no unit (a checklist's number): every caller may name it.</summary>
    public MatrixTargets Open(string parameter, string value)
    {
        open.Add(parameter);
        values[parameter] = value;
        return this;
    }

    /// <summary>What a parameter that is not a Guid holds when it names nothing (a code no unit has); a Guid's is a new one.</summary>
    public MatrixTargets Missing(string parameter, string value)
    {
        missing[parameter] = value;
        return this;
    }

    public MatrixTargets Foreign(params string[] foreign)
    {
        markers.AddRange(foreign);
        return this;
    }

    public MatrixTargets Write(MatrixWrite write)
    {
        writes.Add(write);
        return this;
    }

    /// <summary>Whether the operation names something of a unit in its path: then a caller outside that unit gets 404.</summary>
    public bool NamesScopedEntity(MatrixOperation operation) => operation.Parameters.Any(p => !open.Contains(p));

    /// <summary>The operation's path with its parameters filled in, or, when <paramref name="missingIds"/>, with ids nothing has.</summary>
    public string PathOf(MatrixOperation operation, IReadOnlyDictionary<string, string>? route = null, bool missingIds = false) =>
        operation.Parameters.Aggregate(operation.Pattern, (path, parameter) =>
        {
            var value = route?.GetValueOrDefault(parameter)
                        ?? patternValues.GetValueOrDefault((operation.Pattern, parameter))
                        ?? values.GetValueOrDefault(parameter)
                        ?? throw new InvalidOperationException($"The matrix has no value for {{{parameter}}} in {operation}.");
            if (missingIds && !open.Contains(parameter))
            {
                value = Guid.TryParse(value, out _)
                    ? Guid.NewGuid().ToString()
                    : missing.GetValueOrDefault(parameter) ?? throw new InvalidOperationException($"The matrix has no missing value for {{{parameter}}}.");
            }

            return path.Replace($"{{{parameter}}}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        });
}
