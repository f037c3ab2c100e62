using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Personnel.FirstSecretaries;

/// <summary>One open backward entry of the watch list: where it came from and why.</summary>
public sealed record BackwardFlag(Guid EntryId, WatchListSource Source, string Reason, DateOnly FlaggedOn);
