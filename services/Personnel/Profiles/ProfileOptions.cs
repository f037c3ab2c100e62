using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Personnel.Profiles;

public sealed class ProfileOptions
{
    public const string Section = "Personnel:Profiles";

    /// <summary>
    /// The oldest age of each age band but the last (everyone older); appsettings.json gives the city's 35, 45 and 55.
    /// No default here: the binder adds configured array items to a default's rather than replacing them.
    /// </summary>
    [Required, MinLength(1)]
    public int[] AgeBands { get; set; } = [];
}
