using System.Net.Http.Json;
using System.Text.Json;
using PartyPlatform.TestInfrastructure.OpenApi;
using static PartyPlatform.Gateway.Tests.GatewayCalls;

namespace PartyPlatform.Gateway.Tests;

/// <summary>
/// The gateway's own document (<c>/openapi/v1.json</c>) describes the web page's session endpoints whole, as
/// the services' documents describe theirs: summary, operation id, answers with ProblemDetails for 4xx.
/// </summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task The_web_page_session_endpoints_are_described_with_their_answers()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var gateway = new GatewayApp(Addresses(upstream));

        var document = await gateway.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        // The gateway declares no bearer scheme of its own: its API is the services', each in its own document.
        Assert.Equal(["no bearer security scheme is declared"], OpenApiDocuments.ClientGeneratorGaps(document));
        // 429: the rate limit answers on every route.
        Assert.Equal(new Dictionary<string, string?> { ["302"] = null, ["400"] = Problem, ["429"] = Problem },
            OpenApiDocuments.Responses(document, "get", "/bff/login"));
        Assert.Equal(new Dictionary<string, string?> { ["204"] = null, ["403"] = Problem, ["429"] = Problem },
            OpenApiDocuments.Responses(document, "post", "/bff/logout"));
        Assert.Equal(new Dictionary<string, string?> { ["200"] = "application/json", ["401"] = Problem, ["429"] = Problem },
            OpenApiDocuments.Responses(document, "get", "/bff/user"));
    }

    private const string Problem = OpenApiDocuments.ProblemMediaType;
}
