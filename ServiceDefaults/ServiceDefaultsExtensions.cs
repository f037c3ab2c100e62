using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PartyPlatform.PublicAddress;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every PartyPlatform process shares: telemetry, health, discovery, resilience and
/// RFC 9457 errors. One <c>AddServiceDefaults()</c> and one <c>MapDefaultEndpoints()</c> per service.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string ReadyTag = "ready";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigurePlatformTelemetry();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.AddPlatformProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new PartyPlatform.Requests.StrictEnumConverter()));
        builder.Services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer<PartyPlatform.Requests.EnumNamesSchema>();
            // What a client generator needs besides the shapes: the token, the problems each operation can answer, what each tag covers.
            options.AddOperationTransformer<PartyPlatform.OpenApi.BearerSecurity>();
            options.AddOperationTransformer<PartyPlatform.OpenApi.ProblemResponses>();
            options.AddDocumentTransformer<PartyPlatform.OpenApi.TagDescriptionsTransformer>();
        });
        builder.Services.AddPublicServers();
        builder.AddTrustedProxies();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // The gateway enforces the public body limit; behind it a service accepts what the gateway lets through.
        builder.Services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize =
            builder.Configuration.GetValue<long?>("Kestrel:MaxRequestBodyBytes") ?? 64 * 1024 * 1024);

        return builder;
    }

    /// <summary>
    /// Refuses, before any handler, what no endpoint may accept (see <see cref="PartyPlatform.Requests.RequestGuardMiddleware"/>).
    /// After authorization: a caller without a token gets 401, not a lesson in what it sent.
    /// </summary>
    public static WebApplication UseRequestGuard(this WebApplication app)
    {
        app.UseMiddleware<PartyPlatform.Requests.RequestGuardMiddleware>();
        return app;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Readiness: the database and the broker answer. Liveness: the process runs.
        // Public by design: orchestrators probe health, and the API browser reads the documents.
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag) || check.Tags.Contains("live"),
            ResponseWriter = HealthReportJson.WriteAsync,
        }).AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("live"),
            ResponseWriter = HealthReportJson.WriteAsync,
        }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
