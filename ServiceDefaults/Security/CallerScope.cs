using System.Security.Claims;

namespace PartyPlatform.Security;

/// <summary>
/// Where a caller may act: the whole city for the city roles, else the subtree of the unit whose
/// code the token carries (<c>unit_code</c>).
/// </summary>
public sealed record CallerScope(bool CityWide, string? UnitCode)
{
    public const string UnitCodeClaim = "unit_code";

    public static CallerScope Of(ClaimsPrincipal user) => new(
        PlatformRoles.CityWide.Any(user.IsInRole),
        user.FindFirst(UnitCodeClaim)?.Value);
}
