using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;

namespace PartyPlatform.Dashboard.Data;

public static class DashboardDataExtensions
{
    public const string ConnectionName = "dashboarddb";

    public static IHostApplicationBuilder AddDashboardData(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
                               ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing.");
        // The copy of the tree changes only by events; the audit still says which change came when.
        builder.Services.AddAuditing();
        builder.Services.AddDbContext<DashboardDb>((services, options) => options
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(services.GetRequiredService<AuditInterceptor>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<DashboardDb>(tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    public static async Task PrepareDashboardDbAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDb>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(() => db.Database.MigrateAsync());
    }
}
