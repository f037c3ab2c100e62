using System.Text.Json;
using PartyPlatform.TestInfrastructure.OpenApi;

namespace PartyPlatform.Personnel.Tests.Api;

public sealed class OpenApiDocumentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enums_are_documented_as_the_names_the_service_accepts()
    {
        await using var app = await PersonnelApp.StartAsync();

        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement;

        var kind = document.GetProperty("components").GetProperty("schemas").GetProperty("PostKind");
        Assert.Equal("string", kind.GetProperty("type").GetString());
        Assert.Equal(
            ["CountySecretary", "CountyOrganizationHead", "TownshipSecretary", "VillageSecretary", "VillageCommitteeDirector", "FirstSecretary", "CollegeGraduateOfficial", "ReserveTalent"],
            kind.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        var exitPath = document.GetProperty("components").GetProperty("schemas").GetProperty("GraduateOfficialExitPath");
        Assert.Equal(
            ["StayAsVillageCadre", "CivilService", "OwnBusiness", "OtherEmployment", "FurtherStudy"],
            exitPath.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task The_document_gives_a_client_generator_every_operation_whole()
    {
        await using var app = await PersonnelApp.StartAsync();

        var document = await OpenApiDocuments.SaveAsync(app.CreateClient(), "personnel", Ct);

        Assert.Empty(OpenApiDocuments.ClientGeneratorGaps(document));
    }
}
