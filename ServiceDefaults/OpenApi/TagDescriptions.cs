using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PartyPlatform.OpenApi;

/// <summary>A tag of the OpenAPI document with what it covers, declared where its endpoints are mapped.</summary>
public sealed record TagDescription(string Name, string Description);

public static class TagDescriptions
{
    /// <summary>Tags the endpoints with <paramref name="name"/> and gives the tag its description in the document.</summary>
    public static TBuilder WithTag<TBuilder>(this TBuilder builder, string name, string description) where TBuilder : IEndpointConventionBuilder =>
        builder.WithTags(name).WithMetadata(new TagDescription(name, description));
}
