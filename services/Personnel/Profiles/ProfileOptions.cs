using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Personnel.Profiles;

public sealed class ProfileOptions
{
    public const string Section = "Personnel:Profiles";

    /// <summary>The oldest age of each age band but the last (everyone older); the city's statistics use 35, 45 and 55.</summary>
    [Required, MinLength(1)]
    public int[] AgeBands { get; set; } = [35, 45, 55];
}
