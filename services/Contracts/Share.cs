namespace PartyPlatform.Contracts;

/// <summary>A part of a whole in percent, the way every service's figures show it, so the same counts read the same everywhere.</summary>
public static class Share
{
    /// <returns>One decimal, rounded half away from zero; null when the whole is unknown or none (no figure, not 0 %).</returns>
    public static decimal? Percent(long part, long? whole) =>
        whole is { } total && total > 0 ? Math.Round(100m * part / total, 1, MidpointRounding.AwayFromZero) : null;
}
