using PartyPlatform.Auditing;

namespace PartyPlatform.Assessments.Data;

public static class AssessmentsDataExtensions
{
    public const string ConnectionName = "assessmentsdb";

    public static IHostApplicationBuilder AddAssessmentsData(this IHostApplicationBuilder builder) =>
        builder.AddPlatformDbContext<AssessmentsDb>(ConnectionName);
}
