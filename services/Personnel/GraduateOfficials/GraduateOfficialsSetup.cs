namespace PartyPlatform.Personnel.GraduateOfficials;

public static class GraduateOfficialsSetup
{
    public static IHostApplicationBuilder AddGraduateOfficials(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraduateOfficialsOptions>()
            .BindConfiguration(GraduateOfficialsOptions.Section)
            .Validate(o => o.IsValid(), $"{GraduateOfficialsOptions.Section}: MaxTerms at least 1, AlertWindowDays not negative, and Activities each with a code (unique, at most {GraduateOfficialLimits.ActivityCode} characters) and a name.")
            .ValidateOnStart();
        return builder;
    }
}
