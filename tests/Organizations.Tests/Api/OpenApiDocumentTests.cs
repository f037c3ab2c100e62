using PartyPlatform.TestInfrastructure.OpenApi;

namespace PartyPlatform.Organizations.Tests.Api;

public sealed class OpenApiDocumentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_document_gives_a_client_generator_every_operation_whole()
    {
        await using var app = await OrganizationsApp.StartAsync();

        var document = await OpenApiDocuments.SaveAsync(app.CreateClient(), "organizations", Ct);

        Assert.Empty(OpenApiDocuments.ClientGeneratorGaps(document));
    }

    [Fact]
    public async Task Each_operation_names_the_problems_it_can_answer()
    {
        await using var app = await OrganizationsApp.StartAsync();

        var document = await OpenApiDocuments.SaveAsync(app.CreateClient(), "organizations", Ct);

        // A body (400, 415), a unique code (409), the token (401), the role or a parent outside (403), the gateway (429).
        Assert.Equal(["201", "400", "401", "403", "409", "415", "429"],
            OpenApiDocuments.Responses(document, "post", "/api/organizations/units").Keys.Order());
        // A path id: missing or outside is 404; no body, no query, so nothing to refuse as 400.
        Assert.Equal(["200", "401", "403", "404", "429"],
            OpenApiDocuments.Responses(document, "get", "/api/organizations/units/{id}").Keys.Order());
        Assert.Equal(OpenApiDocuments.ProblemMediaType, OpenApiDocuments.Responses(document, "get", "/api/organizations/units/{id}")["404"]);
        // A unit by its code is a path of its own, not ambiguous with units/{id}/history.
        Assert.Equal(["200", "401", "403", "404", "429"],
            OpenApiDocuments.Responses(document, "get", "/api/organizations/unit-codes/{code}").Keys.Order());
    }
}
