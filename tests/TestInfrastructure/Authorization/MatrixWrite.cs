namespace PartyPlatform.TestInfrastructure.Authorization;

/// <summary>
/// A write of the matrix: the operation (<see cref="MatrixOperation.Pattern"/> form), a body valid
/// for it, aimed at a real entity of county B, and why an operator of county A is refused it.
/// </summary>
/// <param name="Route">Route values for this write, over the matrix's values by parameter name.</param>
public sealed record MatrixWrite(string Method, string Pattern, Refusal Refusal, MatrixBody Body, IReadOnlyDictionary<string, string>? Route = null)
{
    /// <summary>
    /// Whether the in-scope caller's call changes the snapshot. Only a write that finds nothing to do
    /// with valid input (a check before its day) says false, and says why where it is declared.
    /// </summary>
    public bool Changes { get; init; } = true;

    /// <summary>GET paths that show what this write changes, for a snapshot read through the API (the gateway's matrix).</summary>
    public IReadOnlyList<string> Observe { get; init; } = [];

    public override string ToString() => $"{Method} {Pattern} ({Body.Kind})";
}
