using PartyPlatform.Gateway.CorrelationId;

namespace PartyPlatform.Gateway.Cors;

/// <summary>
/// Browsers may call the gateway from the platform's own web page only (<c>Gateway:Cors:AllowedOrigins</c>).
/// Tokens travel in the Authorization header, never in cookies, so credentials are not allowed either.
/// A preflight from any other origin is answered without CORS headers, which the browser reads as "no".
/// </summary>
public static class PlatformCors
{
    public const string PolicyName = "platform-web";
    public const string SectionName = GatewayOptions.SectionName + ":Cors";
    public static readonly IReadOnlyList<string> DefaultAllowedOrigins = ["http://localhost:5080"];

    public static IServiceCollection AddPlatformCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = AllowedOrigins(configuration);
        services.AddCors(options => options.AddPolicy(PolicyName, policy => policy
            .WithOrigins([.. origins])
            .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)
            .WithHeaders("Authorization", "Content-Type", CorrelationIdMiddleware.HeaderName)
            .WithExposedHeaders(CorrelationIdMiddleware.HeaderName, "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }

    /// <summary>Before authentication: a preflight carries no token and is answered here.</summary>
    public static WebApplication UsePlatformCors(this WebApplication app)
    {
        app.UseCors(PolicyName);
        return app;
    }

    public static IReadOnlyList<string> AllowedOrigins(IConfiguration configuration)
    {
        // Read as a plain array: binding into a pre-filled list would append to the defaults.
        var configured = configuration.GetSection($"{SectionName}:AllowedOrigins").Get<string[]>();
        var origins = configured is { Length: > 0 } ? configured : DefaultAllowedOrigins;
        return [.. origins.Select(Origin).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>An origin is scheme://host[:port] and nothing else; "*" would open the API to every web page.</summary>
    private static string Origin(string text)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.PathAndQuery != "/"
            || !string.IsNullOrEmpty(uri.Fragment)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new InvalidOperationException(
                $"{SectionName}:AllowedOrigins holds '{text}'; an origin is scheme://host[:port], e.g. https://party.example.gov.cn.");
        }
        return uri.GetLeftPart(UriPartial.Authority);
    }
}
