namespace PartyPlatform.Identity.Accounts;

/// <summary>Levels of the administrative tree as far as a 12-digit 统计用区划代码 shows them.</summary>
public enum UnitLevel
{
    City,
    County,
    Township,
    Village,
}

/// <summary>
/// The unit an account belongs to is named by its 12-digit code (the tree itself lives in
/// Organizations). The code's shape tells its level: 6105 00000000 a city, 610502 000000 a county,
/// 610502001 000 a township, anything else a village or community.
/// </summary>
public static class UnitCodes
{
    public const int Length = 12;
    public const string Pattern = "^[0-9]{12}$";

    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && code.All(char.IsAsciiDigit);

    /// <summary>Null for a malformed code or a province (no account belongs to one).</summary>
    public static UnitLevel? LevelOf(string code)
    {
        if (!IsWellFormed(code) || code[2..] == "0000000000")
        {
            return null;
        }

        return code switch
        {
            _ when code.EndsWith("00000000", StringComparison.Ordinal) => UnitLevel.City,
            _ when code.EndsWith("000000", StringComparison.Ordinal) => UnitLevel.County,
            _ when code.EndsWith("000", StringComparison.Ordinal) => UnitLevel.Township,
            _ => UnitLevel.Village,
        };
    }
}
