using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.Security;

namespace PartyPlatform.TestInfrastructure;

/// <summary>
/// Every endpoint of a running service, read from its endpoint metadata (so a new endpoint is in the
/// matrix without editing a test), called by every kind of caller. Route values name data outside
/// the scoped caller's unit; what that caller gets back must not contain it, and its writes fail.
/// </summary>
public sealed class AuthorizationMatrix(IServiceProvider services, Func<HttpClient> createClient)
{
    public sealed record Call(string Method, string Path, bool IsRead);

    public IReadOnlyList<Call> Calls(IReadOnlyDictionary<string, string> routeValues) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new Call(method, Fill(e, routeValues), method == HttpMethods.Get)))
            .ToList();

    /// <summary>The calls that answered a caller without a valid token with anything but 401.</summary>
    public async Task<List<string>> NotRefusedAsync(IEnumerable<Call> calls, string? token, CancellationToken cancellationToken)
    {
        var violations = new List<string>();
        foreach (var call in calls)
        {
            var response = await SendAsync(call, token, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                violations.Add($"{call.Method} {call.Path}: {(int)response.StatusCode}");
            }
        }

        return violations;
    }

    /// <summary>
    /// The calls that broke the scope rule for a caller of another unit: a read answers 200, 404 or
    /// 403 (reads for the city administrator only) and shows none of <paramref name="foreignMarkers"/>;
    /// a write fails, and a viewer's with 403 (or 415: routing refuses a body the endpoint does not
    /// take before anyone's role is looked at).
    /// </summary>
    public async Task<List<string>> ScopeViolationsAsync(
        IEnumerable<Call> calls, string role, string token, IReadOnlyCollection<string> foreignMarkers, CancellationToken cancellationToken)
    {
        var violations = new List<string>();
        foreach (var call in calls)
        {
            var response = await SendAsync(call, token, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var what = $"{call.Method} {call.Path}: {(int)response.StatusCode}";
            if (call.IsRead)
            {
                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
                {
                    violations.Add(what);
                }
                else if (response.IsSuccessStatusCode && foreignMarkers.FirstOrDefault(m => body.Contains(m, StringComparison.Ordinal)) is { } marker)
                {
                    violations.Add($"{what} shows '{marker}'");
                }
            }
            else if (response.IsSuccessStatusCode
                     || (role == PlatformRoles.Viewer && response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.UnsupportedMediaType)))
            {
                violations.Add(what);
            }
        }

        return violations;
    }

    /// <summary>The calls that refused a caller who may do everything (401 or 403).</summary>
    public async Task<List<string>> RefusedAsync(IEnumerable<Call> calls, string token, CancellationToken cancellationToken)
    {
        var violations = new List<string>();
        foreach (var call in calls)
        {
            var response = await SendAsync(call, token, cancellationToken);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                violations.Add($"{call.Method} {call.Path}: {(int)response.StatusCode}");
            }
        }

        return violations;
    }

    public async Task<HttpResponseMessage> SendAsync(Call call, string? token, CancellationToken cancellationToken)
    {
        var client = createClient();
        client.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Path);
        if (!call.IsRead)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request, cancellationToken);
    }

    private static string Fill(RouteEndpoint endpoint, IReadOnlyDictionary<string, string> values)
    {
        var path = new StringBuilder();
        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => values.TryGetValue(parameter.Name, out var value)
                        ? value
                        : throw new InvalidOperationException($"The matrix has no value for {{{parameter.Name}}} in {endpoint.RoutePattern.RawText}."),
                    _ => "",
                });
            }
        }

        return path.ToString();
    }
}
