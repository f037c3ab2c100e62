using System.Text.Json;
using PartyPlatform.TestInfrastructure.OpenApi;

namespace PartyPlatform.Venues.Tests.Api;

public sealed class OpenApiDocumentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enums_are_documented_as_the_names_the_service_accepts()
    {
        await using var app = await VenuesApp.StartAsync();

        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement;

        var state = document.GetProperty("components").GetProperty("schemas").GetProperty("VenueState");
        Assert.Equal("string", state.GetProperty("type").GetString());
        Assert.Equal(["Planned", "UnderConstruction", "Completed", "Accepted", "InUse"], state.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task The_document_gives_a_client_generator_every_operation_whole()
    {
        await using var app = await VenuesApp.StartAsync();

        var document = await OpenApiDocuments.SaveAsync(app.CreateClient(), "venues", Ct);

        Assert.Empty(OpenApiDocuments.ClientGeneratorGaps(document));
    }
}
