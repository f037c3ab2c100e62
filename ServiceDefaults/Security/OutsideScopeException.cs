namespace PartyPlatform.Security;

/// <summary>
/// A unit the request body names lies outside the caller's administrative unit, or the operation is
/// for the city's own accounts: 403, nothing written. An id in the path outside the caller's unit is
/// never this: it is not found (404), as the scopes' FoundAsync says.
/// </summary>
public sealed class OutsideScopeException(string message) : Exception(message);
