using PartyPlatform.Identity.Accounts;

namespace PartyPlatform.Identity.Clients;

/// <summary>
/// A machine client (a county system) that takes tokens with client credentials. Its secret lives,
/// hashed, in OpenIddict's application store under the same client id; what the platform needs to
/// know about it (its unit, its roles, whether it may still get tokens) lives here.
/// </summary>
public sealed class ApiClient
{
    public const int MaxClientIdLength = 64;
    public const int MaxDisplayNameLength = 100;
    public const string ClientIdPattern = "^[a-z0-9][a-z0-9.-]{2,63}$";

    private ApiClient(string clientId, string displayName, string unitCode, PlatformRole[] roles, DateTimeOffset createdAt)
    {
        ClientId = clientId;
        DisplayName = displayName;
        UnitCode = unitCode;
        Roles = roles;
        CreatedAt = createdAt;
        SecretRotatedAt = createdAt;
    }

    public string ClientId { get; private set; }

    public string DisplayName { get; private set; }

    public string UnitCode { get; private set; }

    public PlatformRole[] Roles { get; private set; }

    /// <summary>A disabled client gets no new token; the ones it holds expire within the access-token lifetime.</summary>
    public bool Disabled { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset SecretRotatedAt { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    public static ApiClient Create(string clientId, string displayName, string unitCode, IReadOnlyCollection<PlatformRole> roles, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw new RuleViolationException("displayName", "A display name is required.");
        }

        return new ApiClient(clientId, displayName.Trim(), unitCode, AccountBinding.Check(unitCode, roles), now);
    }

    public void SecretRotated(DateTimeOffset now) => SecretRotatedAt = now;

    public void Disable(DateTimeOffset now)
    {
        if (!Disabled)
        {
            Disabled = true;
            DisabledAt = now;
        }
    }

    public void Enable()
    {
        Disabled = false;
        DisabledAt = null;
    }
}
