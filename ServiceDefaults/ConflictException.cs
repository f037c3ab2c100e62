namespace PartyPlatform;

/// <summary>The request is valid but clashes with current state (a duplicate code, a stale version): 409.</summary>
public sealed class ConflictException(string message) : Exception(message);
