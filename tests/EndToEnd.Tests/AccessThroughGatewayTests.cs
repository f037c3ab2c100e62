using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PartyPlatform.Identity.Tests.Api;
using PartyPlatform.Organizations.Tests.Api;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Authorization;
using PartyPlatform.Venues.Tests.Api;

namespace PartyPlatform.EndToEnd.Tests;

/// <summary>
/// The authorization matrix on the platform as the README starts it: every operation of every
/// service, read from the OpenAPI documents the gateway serves, called through the gateway with real
/// tokens from Identity, aimed at real entities (venues, funding lines, inspections, units, Party
/// organisations, accounts) with the same targets and bodies as each service's own matrix. What a
/// write changes is read back through the gateway before and after.
/// </summary>
[Collection(CampaignTerms.Collection)]
public sealed class AccessThroughGatewayTests(PlatformFixture platform)
{
    /// <summary>County A (临渭区) of the demo accounts; county B (华州区) for Venues and the Dashboard; county C (蒲城县) for Organizations, whose merges and new units must not move county B's figures meanwhile.</summary>
    private const string Tree = """
        code,name,kind,parentCode,partyOrganization
        610500000000,渭南市,City,,
        610502000000,临渭区,District,610500000000,
        610502001000,东镇（测试）,Township,610502000000,
        610502001201,东一村（测试）,Village,610502001000,
        610503000000,华州区,District,610500000000,
        610503001000,南镇（测试）,Township,610503000000,
        610503001201,南1村,Village,610503001000,
        610503001202,南2村,Village,610503001000,
        610503001203,南3村,Village,610503001000,
        610503001204,南4村,Village,610503001000,
        610503001205,南5村,Village,610503001000,
        610503001206,南6村,Village,610503001000,
        610526000000,蒲城县,County,610500000000,
        610526001000,北镇（测试）,Township,610526000000,
        610526001201,北一村,Village,610526001000,北一村党支部
        610526001202,北二村,Village,610526001000,北二村党支部
        610526001203,北三村,Village,610526001000,北三村党支部
        """;

    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_operation_answers_each_caller_exactly_as_the_scope_rule_promises()
    {
        var city = platform.CityAdmin;
        (await city.PostAsync("/api/organizations/imports/units", new StringContent(Tree, Encoding.UTF8, "text/csv"), Ct)).EnsureSuccessStatusCode();
        var township = await UnitIdAsync("610503001000");
        var villages = new Dictionary<int, Guid>();
        for (var n = 1; n <= 6; n++)
        {
            villages[n] = await UnitIdAsync($"61050300120{n}");
        }

        await Eventually.TrueAsync(async () => await CoverageAsync($"/api/venues/coverage/{township}") is { } coverage && coverage.GetProperty("villages").GetInt32() == 6, EventTimeout);
        await Eventually.TrueAsync(async () => (await city.GetAsync($"/api/dashboard/tree/units/{township}", Ct)).IsSuccessStatusCode, EventTimeout);
        var countyB = new MatrixCaller("county B", await ClientAsync("CountyOperator", "610503000000"));
        var countyC = new MatrixCaller("county C", await ClientAsync("CountyOperator", "610526000000"));
        MatrixCaller[] outsiders =
        [
            new("county A", platform.ClientFor("linwei-county-system", "dev-secret-linwei")),
            new("township A", platform.ClientFor("linwei-township-system", "dev-secret-linwei-township")),
            new("viewer A", await ClientAsync("Viewer", "610502000000"), IsViewer: true, Role: "Viewer"),
            new("personnel officer A", platform.ClientFor("linwei-personnel-system", "dev-secret-linwei-personnel"), IsViewer: true, Role: "PersonnelOfficer"),
        ];

        var venues = await VenuesMatrixTargets.CreateAsync(
            city, new MatrixCounty(await UnitIdAsync("610503000000"), "610503001000", township, villages), Ct);
        var matrices = new (string Service, MatrixTargets Targets, MatrixCaller Insider)[]
        {
            ("organizations", (await OrganizationsMatrixTargets.CreateAsync(city, "610526001000", Ct)).Foreign("蒲城县", "北镇", "北一村"), countyC),
            ("venues", venues.Foreign("华州区", "南镇", "南1村"), countyB),
            ("dashboard", new MatrixTargets().Foreign("610503", "华州区", "南镇").Route("id", township.ToString())
                .Route("/api/dashboard/villages/{id}", "id", villages[1].ToString()), countyB),
            ("identity", await IdentityMatrixTargets.CreateAsync(city, Ct), countyB),
        };
        // County B's coverage on the Dashboard, so that a caller of county A has something there not to see.
        await Eventually.TrueAsync(async () => (await city.GetStringAsync("/api/dashboard/venues/coverage?level=Township", Ct)).Contains(township.ToString()), EventTimeout);

        var reports = new List<MatrixReport>();
        foreach (var (service, targets, insider) in matrices)
        {
            var document = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json", Ct);
            // A rebuild empties the shared platform's read model while other tests read it: its refusals are in the
            // Dashboard's own matrix, and DashboardRebuildTests runs it through the gateway alone.
            var operations = MatrixOperation.FromOpenApi(
                    document, p => p.StartsWith("/api/identity/", StringComparison.Ordinal) || p.EndsWith("/audit", StringComparison.Ordinal) ? "CityAdministrator" : null)
                .Where(o => o.Pattern != "/api/dashboard/rebuilds").ToList();
            var matrix = new AuthorizationMatrix(operations, targets, (write, ct) => ReadBackAsync(targets, write, insider.Client, ct));
            reports.Add(await matrix.RefusedAtTheDoorAsync("no token", platform.Gateway, Ct));
            reports.Add(await matrix.RefusedAtTheDoorAsync("another issuer", ForeignIssuer(), Ct));
            reports.Add(await matrix.OutsideTheUnitAsync(
                outsiders, insider, city, role => throw new InvalidOperationException($"{service}: no caller of county B holds {role}"), Ct));
        }

        foreach (var report in reports)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        }

        Assert.All(reports, report => report.ThrowIfViolated());
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

    /// <summary>
    /// What the write's GET paths show (every write's, for none), read by the caller who may: the city
    /// administrator for accounts, else the insider, who sees its own county only and so nothing that
    /// other tests change meanwhile.
    /// </summary>
    private async Task<string> ReadBackAsync(MatrixTargets targets, MatrixWrite? write, HttpClient insider, CancellationToken ct)
    {
        var paths = write?.Observe ?? targets.Writes.SelectMany(w => w.Observe).Distinct().ToList();
        if (write is not null && paths.Count == 0)
        {
            throw new InvalidOperationException($"{write}: no GET path shows what it changes; give the targets one.");
        }

        var shown = new StringBuilder();
        foreach (var path in paths)
        {
            var reader = path.StartsWith("/api/identity/", StringComparison.Ordinal) ? platform.CityAdmin : insider;
            var response = await reader.GetAsync(path, ct);
            shown.Append(path).Append(' ').Append((int)response.StatusCode).Append(' ').AppendLine(await response.Content.ReadAsStringAsync(ct));
        }

        return shown.ToString();
    }

    /// <summary>A well-formed city administrator's token from an issuer the platform does not trust.</summary>
    private HttpClient ForeignIssuer() => new()
    {
        BaseAddress = platform.Gateway.BaseAddress,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("CityAdministrator", TestTokens.CityCode)) },
    };

    private async Task<HttpClient> ClientAsync(string role, string unitCode)
    {
        var (clientId, secret) = await CreateClientAsync(role, unitCode);
        return platform.ClientFor(clientId, secret);
    }

    private async Task<Guid> UnitIdAsync(string code) =>
        (await platform.CityAdmin.GetFromJsonAsync<JsonElement>($"/api/organizations/unit-codes/{code}", Ct)).GetProperty("id").GetGuid();

    private async Task<JsonElement?> CoverageAsync(string path) =>
        await platform.CityAdmin.GetAsync(path, Ct) is { IsSuccessStatusCode: true } response
            ? await response.Content.ReadFromJsonAsync<JsonElement>(Ct)
            : null;

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
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
}
