using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using MassTransit;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.EndToEnd.Tests;

/// <summary>Personnel on the whole platform: its copy of the tree from Organizations, Venues' deadline facts, its scope through the gateway.</summary>
[Collection(CampaignTerms.Collection)]
public sealed class PersonnelThroughGatewayTests(PlatformFixture platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient City => platform.CityAdmin;

    [Fact]
    public async Task A_missed_venue_deadline_bars_the_township_secretary_once_with_Venues_reason_even_when_the_fact_comes_again()
    {
        var tree = new TestTree();
        var township = await ImportAsync(tree);
        var village = await UnitIdAsync(tree.Village(1));
        // A deadline of its own: Venues reckons each deadline once, and other tests use theirs.
        var deadline = Yesterday.AddDays(-3);
        var person = await RegisterAsync(township, tree.County[..6]);
        var post = await BeginSecretaryAsync(person, township, deadline.AddDays(-30));
        await PutJsonAsync("/api/venues/baseline/villages", new { villages = new[] { new { villageId = village, hasUsableVenue = false } } });
        var campaign = await GetJsonAsync("/api/venues/campaign");
        await PutJsonAsync("/api/venues/campaign", new
        {
            deadline, timeZone = campaign.GetProperty("timeZone").GetString(),
            citySubsidyPerNewBuild = campaign.GetProperty("citySubsidyPerNewBuild").GetDecimal(), milestones = campaign.GetProperty("milestones"),
        });
        var check = await City.PostAsync("/api/venues/deadline/check", null, Ct);
        Assert.True(check.IsSuccessStatusCode, await check.Content.ReadAsStringAsync(Ct));
        var reason = (await check.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("shortfalls").EnumerateArray()
            .Single(s => s.GetProperty("unitId").GetGuid() == township).GetProperty("reason").GetString();

        var flags = await Eventually.ValueAsync(async () => await FlagsAsync(person) is { Count: 2 } found ? found : null, EventTimeout);
        var factId = flags[0].GetProperty("factId").GetGuid();
        await DeliverAgainAsync(factId);
        var afterReplay = await FlagsAsync(person);
        var secretary = (await GetJsonAsync($"/api/personnel/township-secretaries?unitId={township}")).GetProperty("items").EnumerateArray().Single();

        Assert.Equal(["CityAwards", "Promotion"], afterReplay.Select(f => f.GetProperty("kind").GetString()).Order());
        Assert.All(afterReplay, f =>
        {
            Assert.Equal((post, factId, reason, "VenueDeadline"),
                (f.GetProperty("postId").GetGuid(), f.GetProperty("factId").GetGuid(), f.GetProperty("reason").GetString(), f.GetProperty("source").GetString()));
        });
        Assert.Equal((person, false, false), (secretary.GetProperty("personId").GetGuid(),
            secretary.GetProperty("eligibleForCityAwards").GetBoolean(), secretary.GetProperty("eligibleForPromotion").GetBoolean()));
    }

    [Fact]
    public async Task A_county_caller_neither_sees_nor_learns_of_another_county_s_person_and_the_person_s_own_officer_sees_the_id_number()
    {
        var ours = new TestTree();
        var theirs = new TestTree();
        await ImportAsync(ours);
        var theirTownship = await ImportAsync(theirs);
        var idNumber = CitizenIdNumbers.Of(theirs.County[..6]);
        var person = await RegisterAsync(theirTownship, idNumber);
        var countyOperator = await platform.NewClientAsync("CountyOperator", ours.County, Ct);
        var countyOfficer = await platform.NewClientAsync("PersonnelOfficer", ours.County, Ct);
        var ownOfficer = await platform.NewClientAsync("PersonnelOfficer", theirs.County, Ct);

        foreach (var caller in new[] { countyOperator, countyOfficer })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await caller.GetAsync($"/api/personnel/people/{person}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await caller.GetAsync($"/api/personnel/people/{person}/posts", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await caller.GetAsync($"/api/personnel/people?unitId={theirTownship}", Ct)).StatusCode);
            var listed = await caller.GetStringAsync("/api/personnel/people?pageSize=100", Ct);
            Assert.DoesNotContain(person.ToString(), listed);
            Assert.DoesNotContain(idNumber, listed);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await countyOfficer.GetAsync($"/api/personnel/people/{person}/personal-information", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await countyOperator.GetAsync($"/api/personnel/people/{person}/personal-information", Ct)).StatusCode);
        var masked = await ownOfficer.GetFromJsonAsync<JsonElement>($"/api/personnel/people/{person}", Ct);
        var unmasked = await ownOfficer.GetFromJsonAsync<JsonElement>($"/api/personnel/people/{person}/personal-information", Ct);
        Assert.NotEqual(idNumber, masked.GetProperty("idNumber").GetString());
        Assert.Equal(idNumber, unmasked.GetProperty("idNumber").GetString());
    }

    /// <summary>
    /// Asks Venues to publish every fact again, as a rebuild by hand does, watches the fact go out again on a queue
    /// of the test's own, and waits until Personnel's queue for it has nothing left to take.
    /// </summary>
    private async Task DeliverAgainAsync(Guid factId)
    {
        var broker = new Uri((await platform.App.GetConnectionStringAsync("messaging", Ct))!);
        var again = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(broker, host =>
            {
                var credentials = broker.UserInfo.Split(':', 2);
                host.Username(Uri.UnescapeDataString(credentials[0]));
                host.Password(Uri.UnescapeDataString(credentials[1]));
            });
            rabbit.ReceiveEndpoint(new TemporaryEndpointDefinition(), endpoint => endpoint.Handler<VenueDeadlineMissed>(context =>
            {
                if (context.Message.FactId == factId)
                {
                    again.TrySetResult();
                }

                return Task.CompletedTask;
            }));
        });
        await bus.StartAsync(Ct);
        try
        {
            await bus.WaitForHealthStatus(BusHealthStatus.Healthy, EventTimeout);
            var replay = await bus.GetSendEndpoint(new Uri($"queue:{VenueFactsReplayRequested.Queue}"));
            await replay.Send(new VenueFactsReplayRequested("end-to-end tests", DateTimeOffset.UtcNow), Ct);
            await again.Task.WaitAsync(EventTimeout, Ct);
            await Eventually.TrueAsync(async () => await RabbitMqQueues.CountAsync(broker.ToString(), "personnel-venue-deadline-missed") == 0, EventTimeout);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    private async Task<List<JsonElement>> FlagsAsync(Guid person) =>
        [.. (await GetJsonAsync($"/api/personnel/eligibility-flags?personId={person}")).GetProperty("items").EnumerateArray()];

    /// <summary>Imports a tree with one village and waits until Personnel's copy has its township; its id.</summary>
    private async Task<Guid> ImportAsync(TestTree tree)
    {
        (await City.PostAsJsonAsync("/api/organizations/imports/units", tree.Rows(1), Ct)).EnsureSuccessStatusCode();
        var township = await UnitIdAsync(tree.Township);
        await Eventually.TrueAsync(async () => (await City.GetAsync($"/api/personnel/township-secretaries?unitId={township}", Ct)).IsSuccessStatusCode, EventTimeout);
        return township;
    }

    private async Task<Guid> RegisterAsync(Guid unit, string idNumberOrRegion)
    {
        var idNumber = idNumberOrRegion.Length == 6 ? CitizenIdNumbers.Of(idNumberOrRegion) : idNumberOrRegion;
        var response = await City.PostAsJsonAsync("/api/personnel/people", new
        {
            unitId = unit, name = "端到端测试人", gender = "Male", birthDate = $"{idNumber[6..10]}-{idNumber[10..12]}-{idNumber[12..14]}", ethnicity = "汉族",
            education = "Bachelor", source = "Other", idNumber,
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private async Task<Guid> BeginSecretaryAsync(Guid person, Guid township, DateOnly start)
    {
        var response = await City.PostAsJsonAsync("/api/personnel/posts", new { personId = person, unitId = township, kind = "TownshipSecretary", start }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private async Task<Guid> UnitIdAsync(string code) => (await GetJsonAsync($"/api/organizations/unit-codes/{code}")).GetProperty("id").GetGuid();

    private async Task PutJsonAsync(string path, object body)
    {
        var response = await City.PutAsJsonAsync(path, body, Ct);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await City.GetAsync(path, Ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
