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

    public SignInBrakeSettings SignInBrake { get; set; } = new();
}

/// <summary>The platform's own web page: a public client (no secret) that signs people in with PKCE.</summary>
public sealed class WebClientSettings
{
    public const string ClientId = "partyplatform-web";

    /// <summary>Where the sign-in may return to; exact matches only.</summary>
    public string[] RedirectUris { get; set; } = [];
}

/// <summary>
/// How repeated wrong passwords lock an account: after <see cref="FailuresBeforeLockout"/> of them
/// for <see cref="FirstLockout"/>, and each further one doubles it up to <see cref="MaxLockout"/>.
/// </summary>
public sealed class SignInBrakeSettings
{
    public int FailuresBeforeLockout { get; set; } = 5;

    public TimeSpan FirstLockout { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the account locks after its <paramref name="failures"/>th wrong password in a row; null: not yet.</summary>
    public TimeSpan? LockoutAfter(int failures)
    {
        if (failures < FailuresBeforeLockout)
        {
            return null;
        }

        var lockout = FirstLockout;
        for (var doubled = FailuresBeforeLockout; doubled < failures && lockout < MaxLockout; doubled++)
        {
            lockout *= 2;
        }

        return lockout < MaxLockout ? lockout : MaxLockout;
    }
}
