using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Assessments.Tests.Api;

/// <summary>Bad input to a round or a self-assessment gets a 4xx naming the problem, and nothing changes.</summary>
public sealed class GradingRulesApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> BadSelfAssessments => new()
    {
        { """{"grade":"Excellent","scores":{"team":10,"members":10,"venue":10,"institutions":10,"development":10,"satisfaction":10},"evidence":"记录"}""", "grade" },
        { """{"grade":1,"scores":{"team":10,"members":10,"venue":10,"institutions":10,"development":10,"satisfaction":10},"evidence":"记录"}""", "grade" },
        { """{"grade":"Good","scores":{"team":10,"members":10,"institutions":10,"development":10,"satisfaction":10},"evidence":"记录"}""", "scores.venue" },
        { """{"grade":"Good","scores":{"team":21,"members":10,"venue":10,"institutions":10,"development":10,"satisfaction":10},"evidence":"记录"}""", "scores.team" },
        { """{"grade":"Good","scores":{"team":10,"members":10,"venue":10,"institutions":10,"development":10,"satisfaction":10,"luck":5},"evidence":"记录"}""", "scores.luck" },
        { """{"grade":"Good","scores":{"team":-1,"members":10,"venue":10,"institutions":10,"development":10,"satisfaction":10},"evidence":"记录"}""", "scores.team" },
        { """{"grade":"Good","scores":{"team":10,"members":10,"venue":10,"institutions":10,"development":10,"satisfaction":10}}""", "evidence" },
    };

    [Theory]
    [MemberData(nameof(BadSelfAssessments))]
    public async Task A_bad_self_assessment_is_refused_naming_the_field_and_nothing_is_graded(string body, string field)
    {
        await using var app = await AssessmentsApp.StartAsync();
        var round = await Gradings.OpenRoundAsync(app.CreateClient());

        var response = await app.CreateClient().PutAsync($"/api/assessments/rounds/{round}/gradings/{app.OrganizationId(TestTree.VillageCode(TestTree.TownshipCode, 1))}",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        await Problems.AssertRefusedAsync(response, field);
        await using var db = app.OpenDb();
        Assert.False(await db.Gradings.AnyAsync(Ct));
        Assert.Empty(await app.PublishedAsync<OrganizationGraded>());
    }

    [Fact]
    public async Task A_retired_organisation_keeps_its_grade_as_history_is_not_graded_again_and_its_successor_waits_for_the_next_round()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var round = await Gradings.OpenRoundAsync(city);
        var (merged, successor) = (TestTree.VillageCode(TestTree.TownshipCode, 2), TestTree.VillageCode(TestTree.TownshipCode, 1));
        var graded = await Gradings.GradedAsync(city, round, app.OrganizationId(merged), "Poor");
        var newcomer = Guid.CreateVersion7();
        await using (var db = app.OpenDb())
        {
            await db.ApplyPartyOrganizationChangesAsync(
            [
                new PartyOrganizationChanged(app.OrganizationId(merged), 2, UnitChange.Retired, "东2村党支部", merged, PartyOrganizationKind.Village,
                    app.Tree.Id(merged), true, app.OrganizationId(successor), AssessmentsApp.Start),
                new PartyOrganizationChanged(newcomer, 1, UnitChange.Created, "东镇新村党支部", "610502001299", PartyOrganizationKind.Village,
                    app.Tree.Id(successor), false, null, AssessmentsApp.Start),
            ], Ct);
            await db.SaveChangesAsync(Ct);
        }

        var retired = await city.PutAsJsonAsync($"/api/assessments/rounds/{round}/gradings/{app.OrganizationId(merged)}", Gradings.SelfAssessment(), Ct);
        var notInRound = await city.PutAsJsonAsync($"/api/assessments/rounds/{round}/gradings/{newcomer}", Gradings.SelfAssessment(), Ct);

        await Problems.AssertRefusedAsync(retired, "organizationId");
        await Problems.AssertRefusedAsync(notInRound, "organizationId");
        Assert.Contains("next round", await notInRound.Content.ReadAsStringAsync(Ct));
        await using var check = app.OpenDb();
        var kept = await check.Gradings.SingleAsync(g => g.Id == graded, Ct);
        Assert.Equal((Grade.Poor, GradingStep.CountyDecided), (kept.Grade, kept.Step));
        // The retired organisation is history, not owed a grade: it leaves the ungraded list and the progress.
        var ungraded = await city.GetFromJsonAsync<JsonElement>($"/api/assessments/rounds/{round}/ungraded?pageSize=100", Ct);
        Assert.DoesNotContain(merged, ungraded.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("organizationCode").GetString()));
        var history = await city.GetFromJsonAsync<JsonElement>($"/api/assessments/organizations/{app.OrganizationId(merged)}/gradings", Ct);
        Assert.True(history.GetProperty("retired").GetBoolean());
        Assert.Equal([(2026, "Poor", true)], history.GetProperty("gradings").EnumerateArray()
            .Select(g => (g.GetProperty("year").GetInt32(), g.GetProperty("grade").GetString(), g.GetProperty("isResult").GetBoolean())).ToList());
        var next = await Gradings.OpenRoundAsync(city, 2027);
        await Gradings.SelfAssessAsync(city, next, newcomer);
    }

    [Fact]
    public async Task A_round_is_the_citys_to_open_once_a_year_with_a_deadline_in_its_year()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var county = app.CreateClientAs(Security.PlatformRoles.CountyOperator, TestTree.CountyCode);

        var byCounty = await county.PostAsJsonAsync("/api/assessments/rounds", new { year = 2026 }, Ct);
        var wrongYear = await city.PostAsJsonAsync("/api/assessments/rounds", new { year = 2026, deadline = "2027-01-31" }, Ct);
        var opened = await city.PostAsJsonAsync("/api/assessments/rounds", new { year = 2026 }, Ct);
        var again = await city.PostAsJsonAsync("/api/assessments/rounds", new { year = 2026, deadline = "2026-11-30" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byCounty.StatusCode);
        await Problems.AssertRefusedAsync(wrongYear, "deadline");
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var round = await opened.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("2026-12-31", round.GetProperty("deadline").GetString());
        // Every village Party organisation of the tree: eight villages; the community is not graded here.
        Assert.Equal(8, round.GetProperty("organizations").GetInt32());
        Assert.Equal(6, round.GetProperty("indicators").GetArrayLength());
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Rounds.CountAsync(Ct));
    }
}
