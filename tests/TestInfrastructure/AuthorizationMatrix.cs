using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

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
