using System.Text.Json;

namespace PartyPlatform.TestInfrastructure.OpenApi;

/// <summary>
/// A service's OpenAPI document as a client generator reads it. Each service's tests save its
/// document under <see cref="Folder"/>, where <c>scripts/lint-openapi.sh</c> lints all four with Redocly.
/// </summary>
public static class OpenApiDocuments
{
    public const string ProblemMediaType = "application/problem+json";

    /// <summary><c>artifacts/openapi</c> in the checkout (git-ignored).</summary>
    public static string Folder => Path.Combine(RepositoryRoot.Path, "artifacts", "openapi");

    /// <summary>Fetches the in-process app's document and saves it as <c>{service}.json</c>.</summary>
    public static async Task<JsonElement> SaveAsync(HttpClient client, string service, CancellationToken cancellationToken)
    {
        var text = await client.GetStringAsync("/openapi/v1.json", cancellationToken);
        Directory.CreateDirectory(Folder);
        // Written aside and moved, so the lint never reads half a document.
        var path = Path.Combine(Folder, $"{service}.json");
        var partial = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllTextAsync(partial, text, cancellationToken);
        File.Move(partial, path, overwrite: true);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// What a client generator would miss, one line per gap: an operation without a summary, an
    /// operationId (unique in the document), the bearer requirement (every <c>/api</c> operation) or a
    /// 4xx answer; a 4xx answer that is not ProblemDetails; a tag without a description.
    /// </summary>
    public static IReadOnlyList<string> ClientGeneratorGaps(JsonElement document)
    {
        var gaps = new List<string>();
        var schemes = document.TryGetProperty("components", out var components) && components.TryGetProperty("securitySchemes", out var declared)
            ? declared.EnumerateObject().Where(s => IsBearer(s.Value)).Select(s => s.Name).ToHashSet()
            : [];
        if (schemes.Count == 0)
        {
            gaps.Add("no bearer security scheme is declared");
        }

        var described = document.TryGetProperty("tags", out var tags)
            ? tags.EnumerateArray().Where(t => t.TryGetProperty("description", out var d) && d.GetString() is { Length: > 0 })
                .Select(t => t.GetProperty("name").GetString()!).ToHashSet()
            : [];
        var operationIds = new HashSet<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "put" or "post" or "delete" or "patch"))
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var body = operation.Value;
                if (!HasText(body, "summary"))
                {
                    gaps.Add($"{name}: no summary");
                }

                if (!HasText(body, "operationId"))
                {
                    gaps.Add($"{name}: no operationId");
                }
                else if (!operationIds.Add(body.GetProperty("operationId").GetString()!))
                {
                    gaps.Add($"{name}: operationId {body.GetProperty("operationId").GetString()} is not unique");
                }

                if (path.Name.StartsWith("/api/", StringComparison.Ordinal) && !RequiresAny(body, schemes))
                {
                    gaps.Add($"{name}: no bearer security requirement");
                }

                var clientErrors = body.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')).ToList();
                if (clientErrors.Count == 0)
                {
                    gaps.Add($"{name}: no 4xx response");
                }

                gaps.AddRange(clientErrors
                    .Where(r => !(r.Value.TryGetProperty("content", out var content) && content.TryGetProperty(ProblemMediaType, out _)))
                    .Select(r => $"{name}: {r.Name} is not {ProblemMediaType}"));

                if (body.TryGetProperty("tags", out var operationTags))
                {
                    gaps.AddRange(operationTags.EnumerateArray().Select(t => t.GetString()!).Where(t => !described.Contains(t))
                        .Select(t => $"{name}: tag '{t}' has no description"));
                }
            }
        }

        return gaps.Distinct().ToList();
    }

    /// <summary>The operation's responses by status, with the first media type of each.</summary>
    public static Dictionary<string, string?> Responses(JsonElement document, string method, string path) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").EnumerateObject()
            .ToDictionary(r => r.Name, r => r.Value.TryGetProperty("content", out var content)
                ? content.EnumerateObject().Select(m => m.Name).FirstOrDefault()
                : null);

    private static bool IsBearer(JsonElement scheme) =>
        scheme.TryGetProperty("type", out var type) && type.GetString() == "http"
        && scheme.TryGetProperty("scheme", out var name) && string.Equals(name.GetString(), "bearer", StringComparison.OrdinalIgnoreCase);

    private static bool RequiresAny(JsonElement operation, HashSet<string> schemes) =>
        operation.TryGetProperty("security", out var security)
        && security.EnumerateArray().Any(requirement => requirement.EnumerateObject().Any(s => schemes.Contains(s.Name)));

    private static bool HasText(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.GetString() is { Length: > 0 };
}
