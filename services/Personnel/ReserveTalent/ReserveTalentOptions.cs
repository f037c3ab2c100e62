namespace PartyPlatform.Personnel.ReserveTalent;

public sealed class ReserveTalentOptions
{
    public const string Section = "Personnel:ReserveTalent";

    /// <summary>Running reserve-talent candidates each village and community should have (at least two, section 三).</summary>
    public int PerVillageTarget { get; set; } = 2;
}

public static class ReserveTalentOptionsExtensions
{
    /// <summary>A target below one would list no village as short: the start stops with the setting's name instead.</summary>
    public static IHostApplicationBuilder AddReserveTalentOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReserveTalentOptions>().BindConfiguration(ReserveTalentOptions.Section)
            .Validate(o => o.PerVillageTarget >= 1, $"{ReserveTalentOptions.Section}:PerVillageTarget is at least 1.")
            .ValidateOnStart();
        return builder;
    }
}
