namespace PartyPlatform.TestInfrastructure.Authorization;

/// <summary>A caller bound to a unit outside county B: an operator, or a viewer (who only reads).</summary>
public sealed record MatrixCaller(string Name, HttpClient Client, bool IsViewer = false);

/// <summary>The state a write could change, as text: two equal snapshots mean nothing was written.</summary>
public delegate Task<string> StateSnapshot(MatrixWrite? write, CancellationToken cancellationToken);
