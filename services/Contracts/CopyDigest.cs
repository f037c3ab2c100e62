namespace PartyPlatform.Contracts;

/// <summary>
/// What a copy holds of one kind of entity: how many, and the sum of their versions (0 for facts
/// that have none). A copy only ever holds versions its source published, and sources never delete,
/// so a copy whose figures equal the source's holds every entity at its current version: a replay
/// would change nothing. Any difference, even one caused by events still on their way, means a replay.
/// </summary>
public sealed record CopyDigest(long Count, long VersionSum);
