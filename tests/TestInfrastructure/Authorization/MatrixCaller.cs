namespace PartyPlatform.TestInfrastructure.Authorization;

/// <summary>A caller of the matrix: an operator, or a viewer (who only reads), named in its report.</summary>
public sealed record MatrixCaller(string Name, HttpClient Client, bool IsViewer = false);

/// <summary>The state a write could change, as text: two equal snapshots mean nothing was written.</summary>
public delegate Task<string> StateSnapshot(MatrixWrite? write, CancellationToken cancellationToken);
