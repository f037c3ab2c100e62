using PartyPlatform.Auditing;
using PartyPlatform.Surveys.Visits;

namespace PartyPlatform.Surveys.Data;

public static class SurveysDataExtensions
{
    public const string ConnectionName = "surveysdb";

    /// <summary>The audit records that a household's key, name or phone changed, never its value.</summary>
    public static IHostApplicationBuilder AddSurveysData(this IHostApplicationBuilder builder) =>
        builder.AddPlatformDbContext<SurveysDb>(ConnectionName,
            audit => audit.Redact(nameof(Visit.HouseholdKey), nameof(Visit.HouseholdName), nameof(Visit.Phone)));
}
