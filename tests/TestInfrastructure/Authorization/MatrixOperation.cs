using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.Security;

namespace PartyPlatform.TestInfrastructure.Authorization;

/// <summary>
/// One operation of a service, as its endpoint metadata or its OpenAPI document lists it: the
/// method and the route pattern with its parameters in braces and no constraints
/// (<c>/api/venues/venues/{id}/state</c>), so that both sources name it alike. <see cref="RequiredRole"/> is the
/// one role its policy admits (the city administrator's audit, the personnel officer's personal information);
/// null where any platform role may call and the scope rule decides.
/// </summary>
public sealed partial record MatrixOperation(string Method, string Pattern, string? RequiredRole)
{
    /// <summary>The policies that admit one role alone, and that role.</summary>
    private static readonly Dictionary<string, string> OneRolePolicies = new()
    {
        [PlatformPolicies.CityAdministrator] = PlatformRoles.CityAdministrator,
        [PlatformPolicies.PersonalInformation] = PlatformRoles.PersonnelOfficer,
    };

    public bool IsRead => Method == HttpMethods.Get;

    public IEnumerable<string> Parameters => ParameterPattern().Matches(Pattern).Select(m => m.Groups[1].Value);

    public override string ToString() => $"{Method} {Pattern}";

    /// <summary>A server-sent event stream: it never ends, so the matrix cannot read its answer whole (its own tests show its refusals).</summary>
    private const string EventStream = "text/event-stream";

    /// <summary>Every endpoint under /api/ of a running app that needs a token, from its endpoint metadata; event streams aside.</summary>
    public static IReadOnlyList<MatrixOperation> FromEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Where(e => !e.Metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.ContentTypes.Contains(EventStream)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get]).Select(method => new MatrixOperation(
                method,
                PatternOf(e.RoutePattern),
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy is { } policy ? OneRolePolicies.GetValueOrDefault(policy) : null)
                    .LastOrDefault(role => role is not null))))
            .ToList();

    /// <summary>
    /// Every operation of an OpenAPI document, event streams aside. The document does not say which policy guards an
    /// operation: <paramref name="requiredRole"/> tells, by pattern.
    /// </summary>
    public static IReadOnlyList<MatrixOperation> FromOpenApi(JsonElement document, Func<string, string?> requiredRole) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete")
                .Where(o => !(o.Value.TryGetProperty("responses", out var responses) && responses.EnumerateObject()
                    .Any(r => r.Value.TryGetProperty("content", out var content) && content.TryGetProperty(EventStream, out _))))
                .Select(o => new MatrixOperation(o.Name.ToUpperInvariant(), Trimmed(path.Name), requiredRole(path.Name))))
            .ToList();

    private static string PatternOf(RoutePattern pattern) =>
        Trimmed(string.Concat(pattern.PathSegments.Select(segment => "/" + string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => throw new InvalidOperationException($"Unexpected part in {pattern.RawText}."),
        })))));

    // A group's "/" route is the group's own path.
    private static string Trimmed(string pattern) => pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex ParameterPattern();
}
