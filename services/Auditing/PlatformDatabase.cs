using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Auditing;

/// <summary>
/// A service's own PostgreSQL database, the same way in every service: Npgsql, snake_case names,
/// every write audited, every published version announced, a pool of a bounded size, a readiness check
/// on a pool of its own (<see cref="DatabaseOptions"/>), and migrations
/// applied before the first request.
/// </summary>
public static class PlatformDatabase
{
    public static IHostApplicationBuilder AddPlatformDbContext<TDbContext>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<AuditOptions>? audit = null,
        Action<DbContextOptionsBuilder>? configure = null)
        where TDbContext : DbContext
    {
        var database = DatabaseOptions.FromConfiguration(builder.Configuration);
        var connectionString = database.ApplyTo(
            builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"Connection string '{connectionName}' is missing."));
        builder.Services.AddAuditing(audit);
        builder.Services.AddDbContext<TDbContext>((services, options) =>
        {
            options.UseNpgsql(connectionString)
                .UseSnakeCaseNamingConvention()
                .AddInterceptors(services.GetRequiredService<AuditInterceptor>(), PublishedVersionCheck.Instance);
            configure?.Invoke(options);
        });
        builder.Services.AddHostedService(_ => new ConnectionPoolRelease<TDbContext>(connectionString));
        builder.Services.AddSingleton(_ => new DatabaseReadinessCheck<TDbContext>(connectionString, database));
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadinessCheck<TDbContext>>(typeof(TDbContext).Name, tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    /// <summary>Migrates <typeparamref name="TDbContext"/>'s database before the first request, for a service that prepares nothing else at start.</summary>
    public static async Task MigrateDatabaseAsync<TDbContext>(this IHost app) where TDbContext : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TDbContext>().MigrateAsync();
    }

    /// <summary>Applies pending migrations (creating the database if needed) behind the execution strategy.</summary>
    public static async Task MigrateAsync<TDbContext>(this TDbContext db, CancellationToken cancellationToken = default)
        where TDbContext : DbContext =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => db.Database.MigrateAsync(ct), cancellationToken);
}
