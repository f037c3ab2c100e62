using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PartyPlatform.OpenApi;

/// <summary>
/// Declares Identity's JWT as the bearer scheme and requires it on every operation the fallback
/// policy guards, i.e. every one not marked AllowAnonymous (<see cref="Security.PlatformAuthentication"/>).
/// </summary>
public sealed class BearerSecurity : IOpenApiOperationTransformer
{
    public const string SchemeName = "bearer";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!RequiresToken(context))
        {
            return Task.CompletedTask;
        }

        var document = context.Document ?? throw new InvalidOperationException("The operation has no document.");
        if (document.Components?.SecuritySchemes?.ContainsKey(SchemeName) != true)
        {
            document.AddComponent<IOpenApiSecurityScheme>(SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from Identity (POST /connect/token through the gateway; client credentials or authorization code + PKCE).",
            });
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }

    /// <summary>Every endpoint needs a platform role unless it allows anonymous callers.</summary>
    public static bool RequiresToken(OpenApiOperationTransformerContext context) =>
        !context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
}
