namespace PartyPlatform.Organizations.Units;

/// <summary>The national 12-digit statistical division code (统计用区划代码).</summary>
public static class DivisionCode
{
    public const int Length = 12;

    public static bool IsValid(string code) => code.Length == Length && code.All(char.IsAsciiDigit);

    /// <summary>
    /// Codes nest: a county's code starts with its city's 4 digits, a township's with its county's 6,
    /// a village's with its township's 9. A code that breaks the nesting is almost always a typo.
    /// </summary>
    public static bool NestsUnder(string code, string parentCode, Contracts.Organizations.UnitLevel parentLevel)
    {
        var prefix = parentLevel switch
        {
            Contracts.Organizations.UnitLevel.City => 4,
            Contracts.Organizations.UnitLevel.County => 6,
            Contracts.Organizations.UnitLevel.Township => 9,
            _ => 0,
        };
        return prefix == 0 || code.AsSpan(0, prefix).SequenceEqual(parentCode.AsSpan(0, prefix));
    }
}
