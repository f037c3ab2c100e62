namespace PartyPlatform.Security;

/// <summary>A write aimed at data outside the caller's administrative unit: 403, nothing written.</summary>
public sealed class OutsideScopeException(string message) : Exception(message);
