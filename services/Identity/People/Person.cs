using PartyPlatform.Identity.Accounts;
using PartyPlatform.Identity.Tokens;

namespace PartyPlatform.Identity.People;

/// <summary>
/// Someone who signs in to the platform's web page (authorization code + PKCE). The password is kept
/// only as an ASP.NET Core <c>PasswordHasher</c> hash.
/// </summary>
public sealed class Person
{
    public const int MaxUserNameLength = 64;
    public const int MaxDisplayNameLength = 100;
    public const string UserNamePattern = "^[a-z0-9][a-z0-9._-]{2,63}$";

    private Person(Guid id, string userName, string displayName, string unitCode, PlatformRole[] roles, DateTimeOffset createdAt)
    {
        Id = id;
        UserName = userName;
        DisplayName = displayName;
        UnitCode = unitCode;
        Roles = roles;
        CreatedAt = createdAt;
    }

    /// <summary>The <c>sub</c> of the person's tokens.</summary>
    public Guid Id { get; private set; }

    public string UserName { get; private set; }

    public string DisplayName { get; private set; }

    public string UnitCode { get; private set; }

    public PlatformRole[] Roles { get; private set; }

    public string PasswordHash { get; private set; } = "";

    public bool Disabled { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PasswordChangedAt { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>Wrong passwords since the last successful sign-in.</summary>
    public int FailedSignIns { get; private set; }

    /// <summary>Until when no password is accepted, after too many wrong ones (<see cref="SignInBrakeSettings"/>).</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>May sign in and refresh: enabled, and holding a password.</summary>
    public bool CanSignIn => !Disabled && PasswordHash.Length > 0;

    public static Person Create(string userName, string displayName, string unitCode, IReadOnlyCollection<PlatformRole> roles, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw new RuleViolationException("displayName", "A display name is required.");
        }

        return new Person(Guid.CreateVersion7(now), userName, displayName.Trim(), unitCode, AccountBinding.Check(unitCode, roles), now);
    }

    public void SetPasswordHash(string hash, DateTimeOffset now)
    {
        PasswordHash = hash;
        PasswordChangedAt = now;
    }

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil > now;

    /// <summary>A wrong password: counted, and past the brake's allowance the account locks, each time for longer.</summary>
    public void FailSignIn(DateTimeOffset now, SignInBrakeSettings brake)
    {
        FailedSignIns++;
        if (brake.LockoutAfter(FailedSignIns) is { } lockout)
        {
            LockedUntil = now + lockout;
        }
    }

    /// <summary>The right password, or a new one from an administrator: the count starts again.</summary>
    public void ClearFailedSignIns()
    {
        FailedSignIns = 0;
        LockedUntil = null;
    }

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
