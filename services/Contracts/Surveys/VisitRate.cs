namespace PartyPlatform.Contracts.Surveys;

/// <summary>The visit rate (入户率): distinct households visited over households, in percent; Surveys and the Dashboard count it alike.</summary>
public static class VisitRate
{
    /// <returns>One decimal, rounded half away from zero; null when the households are unknown or none.</returns>
    public static decimal? Percent(long visited, long? households) => Share.Percent(visited, households);

    /// <summary>A gap of the 四不漏 view: no visit at all (空白点), or a rate under the floor.</summary>
    public static bool IsBlankSpot(long visited) => visited == 0;

    public static bool IsUnderFloor(long visited, long? households, decimal floorPercent) =>
        Percent(visited, households) is { } rate && rate < floorPercent;
}
