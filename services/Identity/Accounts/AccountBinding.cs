namespace PartyPlatform.Identity.Accounts;

/// <summary>
/// The rules every account (a client or a person) obeys: it belongs to one unit, holds at least one
/// role, and each role fits the unit's level (a county operator sits in a county, the city's roles in
/// the city). Broken rules name the request field: <c>unitCode</c> or <c>roles</c>.
/// </summary>
public static class AccountBinding
{
    public static PlatformRole[] Check(string unitCode, IReadOnlyCollection<PlatformRole> roles)
    {
        if (UnitCodes.LevelOf(unitCode) is not { } level)
        {
            throw new RuleViolationException("unitCode",
                $"'{unitCode}' is not the 12-digit code of a city, county, township or village unit.");
        }

        if (roles.Count == 0)
        {
            throw new RuleViolationException("roles", "At least one role is required.");
        }

        foreach (var role in roles)
        {
            if (!Enum.IsDefined(role))
            {
                throw new RuleViolationException("roles", $"'{role}' is not a role.");
            }

            if (PlatformRoles.RequiredLevel(role) is { } required && required != level)
            {
                throw new RuleViolationException("roles",
                    $"The role {role} belongs to a {required.ToString().ToLowerInvariant()}-level unit, but {unitCode} is {level.ToString().ToLowerInvariant()}-level.");
            }
        }

        return [.. roles.Distinct().Order()];
    }
}
