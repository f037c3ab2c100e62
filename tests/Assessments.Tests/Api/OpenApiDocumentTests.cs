using PartyPlatform.TestInfrastructure.OpenApi;

namespace PartyPlatform.Assessments.Tests.Api;

public sealed class OpenApiDocumentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_document_gives_a_client_generator_every_operation_whole()
    {
        await using var app = await AssessmentsApp.StartAsync();

        var document = await OpenApiDocuments.SaveAsync(app.CreateClient(), "assessments", Ct);

        Assert.Empty(OpenApiDocuments.ClientGeneratorGaps(document));
    }
}
