using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Dashboard.Personnel;

public sealed class PersonnelFiguresOptions
{
    public const string Section = "Dashboard:Personnel";

    /// <summary>
    /// The oldest age of each age band but the last, as the city's statistics draw them (appsettings.json: 35, 45, 55).
    /// No default here: the binder adds configured array items to a default's rather than replacing them.
    /// </summary>
    [Required, MinLength(1)]
    public int[] AgeBands { get; set; } = [];

    /// <summary>An official whose term ends within this many days, with no exit arranged, is shown as ending.</summary>
    [Range(0, 3650)]
    public int TermEndingWindowDays { get; set; } = 90;
}
