using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PartyPlatform.OpenApi;

/// <summary>Gives each tag of the document the description its endpoints declare (<see cref="TagDescriptions.WithTag"/>).</summary>
public sealed class TagDescriptionsTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var descriptions = context.DescriptionGroups.SelectMany(g => g.Items)
            .SelectMany(d => d.ActionDescriptor.EndpointMetadata.OfType<TagDescription>())
            .GroupBy(t => t.Name)
            .ToDictionary(g => g.Key, g => g.First().Description);
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is { } name && descriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        return Task.CompletedTask;
    }
}
