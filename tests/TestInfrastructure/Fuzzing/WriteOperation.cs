using System.Text.Json;

namespace PartyPlatform.TestInfrastructure.Fuzzing;

/// <summary>A write operation of a service's OpenAPI document: what the fuzzer aims its requests at.</summary>
public sealed record WriteOperation(string Method, string Path, IReadOnlyList<string> MediaTypes, JsonElement? JsonSchema)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every POST, PUT, PATCH and DELETE under /api that takes a body, in document order.</summary>
    public static IReadOnlyList<WriteOperation> AllIn(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => operation.Name is "post" or "put" or "patch" or "delete")
                .Where(operation => operation.Value.TryGetProperty("requestBody", out _))
                .Select(operation =>
                {
                    var content = operation.Value.GetProperty("requestBody").GetProperty("content");
                    var mediaTypes = content.EnumerateObject().Select(m => m.Name).ToList();
                    JsonElement? schema = content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var s) ? s : null;
                    return new WriteOperation(operation.Name.ToUpperInvariant(), path.Name, mediaTypes, schema);
                }))
            .ToList();
}
