using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.EndToEnd.Tests;

/// <summary>
/// The authorization matrix on the platform as the README starts it: every operation of every
/// service, read from the OpenAPI documents the gateway serves, called through the gateway with
/// real tokens from Identity by each kind of caller, aimed at a village of county B (华州区).
/// </summary>
public sealed class AccessThroughGatewayTests(PlatformFixture platform)
{
    private const string Tree = """
        code,name,kind,parentCode
        610500000000,渭南市,City,
        610502000000,临渭区,District,610500000000
        610502001000,东镇（测试）,Township,610502000000
        610502001201,东一村（测试）,Village,610502001000
        610503000000,华州区,District,610500000000
        610503001000,南镇（测试）,Township,610503000000
        610503001201,南一村（测试）,Village,610503001000
        """;

    private static readonly string[] Services = ["organizations", "venues", "dashboard", "identity"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_operation_answers_each_caller_within_its_unit_only()
    {
        (await platform.CityAdmin.PostAsync("/api/organizations/imports/units", new StringContent(Tree, Encoding.UTF8, "text/csv"), Ct))
            .EnsureSuccessStatusCode();
        var village = await Eventually.ValueAsync(() => ReplicaOfAsync("610503001201"), TimeSpan.FromSeconds(60));
        var countyUnitB = await Eventually.ValueAsync(() => ReplicaOfAsync("610503000000"), TimeSpan.FromSeconds(60));
        var countyB = await CreateClientAsync("CountyOperator", "610503000000");
        // The identity operations disable and rotate the client they name: not one that calls in this test.
        var countyBTarget = await CreateClientAsync("CountyOperator", "610503000000");
        var operations = await OperationsAsync(new Dictionary<string, string>
        {
            ["id"] = village.Id.ToString(),
            ["unitId"] = village.Id.ToString(),
            ["venueId"] = village.Id.ToString(),
            ["lineId"] = village.Id.ToString(),
            ["countyId"] = countyUnitB.Id.ToString(),
            ["number"] = "1",
            ["order"] = "1",
            ["code"] = "610503001201",
            ["clientId"] = countyBTarget.ClientId,
            ["userName"] = "linwei-operator",
        });

        var callers = new (string Name, HttpClient Client, string? Foreign, bool MayWriteB)[]
        {
            ("county A", platform.ClientFor("linwei-county-system", "dev-secret-linwei"), "610503", false),
            ("township A", platform.ClientFor("linwei-township-system", "dev-secret-linwei-township"), "610503", false),
            ("county B", platform.ClientFor(countyB.ClientId, countyB.Secret), "610502", true),
            ("viewer", platform.ClientFor("dashboard-viewer-system", "dev-secret-viewer"), null, false),
            ("city administrator", platform.CityAdmin, null, true),
        };

        foreach (var (method, path) in operations)
        {
            foreach (var token in new[] { null, TestTokens.For("CityAdministrator", "610500000000") })
            {
                // No token, or a well-formed one from an issuer the platform does not trust.
                var refused = await SendAsync(platform.Gateway, method, path, token);
                Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} without a platform token: {(int)refused.StatusCode}");
            }

            foreach (var (name, client, foreign, mayWriteB) in callers)
            {
                var response = await SendAsync(client, method, path, null);
                var body = await response.Content.ReadAsStringAsync(Ct);
                var what = $"{name}: {method} {path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}";
                Assert.True(response.StatusCode != HttpStatusCode.Unauthorized, what);
                if (method == "GET" && response.IsSuccessStatusCode && foreign is not null)
                {
                    Assert.DoesNotContain(foreign, body);
                }

                if (method != "GET" && !mayWriteB)
                {
                    Assert.False(response.IsSuccessStatusCode, what);
                }

                if (name == "city administrator")
                {
                    Assert.True(response.StatusCode != HttpStatusCode.Forbidden, what);
                }
            }
        }

        var after = await platform.CityAdmin.GetFromJsonAsync<JsonElement>("/api/organizations/units/by-code/610503001201", Ct);
        Assert.Equal(1, after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_disabled_client_is_refused_once_its_last_token_expires()
    {
        var client = await CreateClientAsync("CountyOperator", "610503000000");
        var token = await platform.TokenAsync(client.ClientId, client.Secret, Ct);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(platform.Gateway, "GET", "/api/organizations/units", token)).StatusCode);

        (await platform.CityAdmin.PostAsync($"/api/identity/clients/{client.ClientId}/disable", null, Ct)).EnsureSuccessStatusCode();

        var renewal = await platform.RequestTokenAsync(client.ClientId, client.Secret, Ct);
        Assert.False(renewal.IsSuccessStatusCode);
        await Eventually.TrueAsync(
            async () => (await SendAsync(platform.Gateway, "GET", "/api/organizations/units", token)).StatusCode == HttpStatusCode.Unauthorized,
            PlatformFixture.TokenLifetime + TimeSpan.FromSeconds(30));
    }

    private async Task<List<(string Method, string Path)>> OperationsAsync(IReadOnlyDictionary<string, string> values)
    {
        var operations = new List<(string, string)>();
        foreach (var service in Services)
        {
            var document = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json", Ct);
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                var filled = values.Aggregate(path.Name, (p, v) => p.Replace($"{{{v.Key}}}", v.Value));
                Assert.DoesNotContain("{", filled);
                operations.AddRange(path.Value.EnumerateObject()
                    .Where(o => o.Name is "get" or "post" or "put" or "delete")
                    .Select(o => (o.Name.ToUpperInvariant(), filled)));
            }
        }

        Assert.NotEmpty(operations);
        return operations;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        if (method != "GET")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request, Ct);
    }

    private async Task<(string ClientId, string Secret)> CreateClientAsync(string role, string unitCode)
    {
        var clientId = $"e2e-{Guid.NewGuid():N}"[..20];
        var created = await platform.CityAdmin.PostAsJsonAsync("/api/identity/clients",
            new { clientId, displayName = "端到端测试", unitCode, roles = new[] { role } }, Ct);
        created.EnsureSuccessStatusCode();
        return (clientId, (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("clientSecret").GetString()!);
    }

    private async Task<(Guid Id, int Version)?> ReplicaOfAsync(string code)
    {
        var response = await platform.CityAdmin.GetAsync($"/api/organizations/units/by-code/{code}", Ct);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var unit = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = unit.GetProperty("id").GetGuid();
        return (await platform.CityAdmin.GetAsync($"/api/dashboard/tree/units/{id}", Ct)).IsSuccessStatusCode
            ? (id, unit.GetProperty("version").GetInt32())
            : null;
    }
}
