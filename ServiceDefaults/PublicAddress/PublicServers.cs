using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace PartyPlatform.PublicAddress;

/// <summary>
/// The document's one server is the address its reader used: through the gateway, the gateway's
/// public address (from the forwarded headers <see cref="TrustedProxies"/> believes), never the
/// service's own port. No trailing slash: the paths that follow begin with one.
/// </summary>
public sealed class PublicServers(IHttpContextAccessor http) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (http.HttpContext?.Request is { } request)
        {
            document.Servers = [new OpenApiServer { Url = BaseUrlOf(request) }];
        }

        return Task.CompletedTask;
    }

    /// <summary>Scheme, host and path base of the address the request arrived at, without a trailing slash.</summary>
    public static string BaseUrlOf(HttpRequest request) =>
        UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase).TrimEnd('/');
}

public static class PublicServersExtensions
{
    /// <summary>For every OpenAPI document of the process.</summary>
    public static IServiceCollection AddPublicServers(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        return services.ConfigureAll<OpenApiOptions>(options => options.AddDocumentTransformer<PublicServers>());
    }
}
