using PartyPlatform.Auditing;

namespace PartyPlatform.Dashboard.Data;

public static class DashboardDataExtensions
{
    public const string ConnectionName = "dashboarddb";

    /// <summary>The copy of the tree changes only by events; the audit still says which change came when.</summary>
    public static IHostApplicationBuilder AddDashboardData(this IHostApplicationBuilder builder) =>
        builder.AddPlatformDbContext<DashboardDb>(ConnectionName);
}
