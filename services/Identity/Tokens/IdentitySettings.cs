namespace PartyPlatform.Identity.Tokens;

/// <summary>The <c>Identity</c> configuration section.</summary>
public sealed class IdentitySettings
{
    public const string Section = "Identity";

    /// <summary>The <c>iss</c> of every token. Unset: the base URL of the request that asked for it.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>Short, so that a disabled client or person stops working within minutes.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a person stays signed in to the web page without signing in again.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Development only: one client and one person per role for the demo city (see README).</summary>
    public bool SeedDemoAccounts { get; set; }

    public WebClientSettings WebClient { get; set; } = new();
}

/// <summary>The platform's own web page: a public client (no secret) that signs people in with PKCE.</summary>
public sealed class WebClientSettings
{
    public const string ClientId = "partyplatform-web";

    /// <summary>Where the sign-in may return to; exact matches only.</summary>
    public string[] RedirectUris { get; set; } = [];
}
