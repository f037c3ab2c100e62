using Microsoft.Extensions.DependencyInjection;

namespace PartyPlatform.Auditing;

public static class AuditingExtensions
{
    /// <summary>
    /// Registers the audit interceptor; add it to the DbContext with
    /// <c>options.AddInterceptors(services.GetRequiredService&lt;AuditInterceptor&gt;())</c>.
    /// </summary>
    public static IServiceCollection AddAuditing(this IServiceCollection services, Action<AuditOptions>? configure = null)
    {
        var options = new AuditOptions();
        configure?.Invoke(options);
        services.AddHttpContextAccessor();
        services.AddSingleton(options);
        services.AddScoped<AuditActor>();
        services.AddScoped<AuditInterceptor>();
        return services;
    }
}
