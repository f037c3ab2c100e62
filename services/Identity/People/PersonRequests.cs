using System.ComponentModel.DataAnnotations;
using PartyPlatform.Identity.Accounts;

namespace PartyPlatform.Identity.People;

public sealed record CreateUserRequest(
    [property: Required, RegularExpression(Person.UserNamePattern,
        ErrorMessage = "The user name is 3 to 64 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit.")]
    string UserName,
    [property: Required, StringLength(Person.MaxDisplayNameLength)] string DisplayName,
    [property: Required, RegularExpression(UnitCodes.Pattern, ErrorMessage = "The unit code must be 12 digits.")] string UnitCode,
    [property: Required, MinLength(1)] PlatformRole[] Roles);

public sealed record UserQuery(string? UnitCode, bool? Disabled, string? UserName, int? Page, int? PageSize);

public sealed record UserResponse(
    Guid Id, string UserName, string DisplayName, string UnitCode, PlatformRole[] Roles, bool Disabled,
    DateTimeOffset CreatedAt, DateTimeOffset? PasswordChangedAt, DateTimeOffset? DisabledAt, DateTimeOffset? LockedUntil)
{
    public static UserResponse From(Person person) => new(
        person.Id, person.UserName, person.DisplayName, person.UnitCode, person.Roles, person.Disabled,
        person.CreatedAt, person.PasswordChangedAt, person.DisabledAt, person.LockedUntil);
}

/// <summary>The only time the password is shown: it is stored hashed.</summary>
public sealed record UserPasswordResponse(UserResponse User, string Password);
