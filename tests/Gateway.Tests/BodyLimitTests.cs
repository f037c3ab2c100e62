using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static PartyPlatform.Gateway.Tests.GatewayCalls;

namespace PartyPlatform.Gateway.Tests;

/// <summary>
/// One body limit for everything (<c>Gateway:MaxRequestBodyBytes</c>), and a route of <c>Gateway:Routes</c> with its own
/// (the survey ingest): past the limit that applies, 413 ProblemDetails before the service sees a byte.
/// </summary>
public sealed class BodyLimitTests
{
    [Fact]
    public async Task The_survey_ingest_route_has_its_own_body_limit_and_every_other_route_the_general_one()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var gateway = new GatewayApp(Addresses(upstream), new Dictionary<string, string?>
        {
            ["Gateway:MaxRequestBodyBytes"] = "1000",
            ["Gateway:Routes:survey-ingests:MaxRequestBodyBytes"] = "5000",
        });
        using var caller = gateway.CreateCaller();
        var ingests = $"/api/surveys/campaigns/{Guid.NewGuid()}/ingests";

        var ingestWithinItsLimit = await caller.PostAsync(ingests, Body(4000), Ct);
        var ingestPastItsLimit = await caller.PostAsync(ingests, Body(6000), Ct);
        var otherPastTheGeneralLimit = await caller.PostAsync("/api/surveys/campaigns/x/visits", Body(4000), Ct);

        Assert.Equal(HttpStatusCode.OK, ingestWithinItsLimit.StatusCode);
        Assert.Equal(4000, (await ingestWithinItsLimit.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("bytes").GetInt64());
        await AssertTooLargeAsync(ingestPastItsLimit, 5000);
        await AssertTooLargeAsync(otherPastTheGeneralLimit, 1000);
    }

    [Fact]
    public void The_configured_ingest_route_allows_64_MiB_and_ten_minutes()
    {
        using var gateway = new GatewayApp(new Dictionary<string, string>());
        var rule = Upstreams.RouteRule.FromConfiguration(gateway.Services.GetRequiredService<IConfiguration>()).Single(r => r.Name == "survey-ingests");

        Assert.Equal((64L * 1024 * 1024, TimeSpan.FromMinutes(10)), (rule.MaxRequestBodyBytes, rule.Timeout));
        Assert.Equal(["POST"], rule.Methods!);
    }

    private static ByteArrayContent Body(int bytes)
    {
        var content = new ByteArrayContent(new byte[bytes]);
        content.Headers.ContentType = new("application/x-ndjson");
        return content;
    }

    private static async Task AssertTooLargeAsync(HttpResponseMessage response, long limit)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains($"at most {limit} bytes", problem.GetProperty("detail").GetString());
    }
}
