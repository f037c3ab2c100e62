using Microsoft.Extensions.DependencyInjection;

namespace PartyPlatform.Auditing;

public static class AuditingExtensions
{
    /// <summary>
    /// Registers the audit interceptor; add it to the DbContext with
    /// <c>options.AddInterceptors(services.GetRequiredService&lt;AuditInterceptor&gt;())</c>.
    /// </summary>
    public static IServiceCollection AddAuditing(this IServiceCollection services, params Type[] ignoredEntityTypes)
    {
        var options = new AuditOptions();
        options.Ignored.UnionWith(ignoredEntityTypes);
        services.AddHttpContextAccessor();
        services.AddSingleton(options);
        services.AddScoped<AuditActor>();
        services.AddScoped<AuditInterceptor>();
        return services;
    }
}
