namespace PartyPlatform.TestInfrastructure.Authorization;

/// <summary>
/// A caller of the matrix: an operator, or a viewer (who only reads: a viewer, a personnel officer), named in
/// its report; <see cref="Role"/> where an operation admits one role alone.
/// </summary>
public sealed record MatrixCaller(string Name, HttpClient Client, bool IsViewer = false, string? Role = null);

/// <summary>The state a write could change, as text: two equal snapshots mean nothing was written.</summary>
public delegate Task<string> StateSnapshot(MatrixWrite? write, CancellationToken cancellationToken);
