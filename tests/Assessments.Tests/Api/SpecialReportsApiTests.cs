using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Assessments.Secretaries;
using PartyPlatform.Assessments.SpecialReports;
using PartyPlatform.Auditing;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Assessments.Tests.Api;

/// <summary>The county secretary's special report on venue construction (专项述职): owed only where Venues' deadline fact says the county fell short.</summary>
public sealed class SpecialReportsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_special_report_is_required_only_of_a_county_with_a_deadline_fact_submitted_by_it_and_evaluated_by_the_city()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var countyId = app.Tree.Id(TestTree.CountyCode);
        var body = new { countyId, text = "我区活动场所建设未按期完成的原因及整改措施" };

        await Problems.AssertRefusedAsync(await county.PostAsJsonAsync("/api/assessments/special-reports", body, Ct), "countyId");
        var before = await Secretaries.BodyAsync(await city.GetAsync("/api/assessments/special-reports", Ct), HttpStatusCode.OK);
        var fact = await Secretaries.AddDeadlineFactAsync(app, TestTree.CountyCode, new DateOnly(2013, 12, 31), 75m);
        var required = await Secretaries.BodyAsync(await county.GetAsync("/api/assessments/special-reports", Ct), HttpStatusCode.OK);
        var byTownship = await app.CreateClientAs(PlatformRoles.TownshipOperator, TestTree.TownshipCode).PostAsJsonAsync("/api/assessments/special-reports", body, Ct);
        var id = await Secretaries.IdOfAsync(await county.PostAsJsonAsync("/api/assessments/special-reports", body, Ct));
        var again = await county.PostAsJsonAsync("/api/assessments/special-reports", body, Ct);
        var byCounty = await county.PostAsJsonAsync($"/api/assessments/special-reports/{id}/evaluation", new { rating = "Good" }, Ct);
        await Secretaries.BodyAsync(await city.PostAsJsonAsync($"/api/assessments/special-reports/{id}/evaluation", new { rating = "Average", comment = "整改措施具体" }, Ct), HttpStatusCode.OK);
        var after = await Secretaries.BodyAsync(await city.GetAsync("/api/assessments/special-reports", Ct), HttpStatusCode.OK);

        Assert.Equal(0, before.GetProperty("totalCount").GetInt32());
        var row = required.GetProperty("items").EnumerateArray().Single();
        Assert.Equal((countyId, fact, "2013-12-31", 75m, false, false), (row.GetProperty("countyId").GetGuid(), row.GetProperty("factId").GetGuid(),
            row.GetProperty("deadline").GetString(), row.GetProperty("coveragePercent").GetDecimal(), row.GetProperty("submitted").GetBoolean(), row.GetProperty("evaluated").GetBoolean()));
        Assert.Equal(HttpStatusCode.Forbidden, byTownship.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCounty.StatusCode);
        var done = after.GetProperty("items").EnumerateArray().Single();
        Assert.Equal((id, true, true, "Average"), (done.GetProperty("specialReportId").GetGuid(), done.GetProperty("submitted").GetBoolean(),
            done.GetProperty("evaluated").GetBoolean(), done.GetProperty("rating").GetString()));
        await using var db = app.OpenDb();
        var report = await db.SpecialReports.SingleAsync(Ct);
        Assert.Equal((fact, countyId, new DateOnly(2013, 12, 31), Rating.Average, "整改措施具体"), (report.FactId, report.CountyId, report.Deadline, report.Rating, report.Comment));
        Assert.Equal(2, await db.Set<AuditEntry>().CountAsync(a => a.EntityType == nameof(SpecialReport) && a.EntityId == id.ToString(), Ct));
    }

    [Fact]
    public async Task A_township_deadline_fact_requires_no_special_report_and_another_countys_is_not_listed()
    {
        await using var app = await AssessmentsApp.StartAsync();
        await Secretaries.AddDeadlineFactAsync(app, TestTree.OtherCountyCode, new DateOnly(2013, 12, 31));
        await using (var db = app.OpenDb())
        {
            db.VenueDeadlineFacts.Add(Facts.VenueDeadlineFact.From(new Contracts.Venues.VenueDeadlineMissed(Guid.CreateVersion7(), app.Tree.Id(TestTree.TownshipCode), "东镇",
                TestTree.TownshipCode, Contracts.Organizations.UnitLevel.Township, new DateOnly(2013, 12, 31), 4, 2, 50m, "东镇覆盖率50%", AssessmentsApp.Start)));
            await db.SaveChangesAsync(Ct);
        }

        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var listed = await Secretaries.BodyAsync(await county.GetAsync("/api/assessments/special-reports", Ct), HttpStatusCode.OK);
        var submitted = await county.PostAsJsonAsync("/api/assessments/special-reports", new { countyId = app.Tree.Id(TestTree.CountyCode), text = "专项述职" }, Ct);

        Assert.Equal(0, listed.GetProperty("totalCount").GetInt32());
        await Problems.AssertRefusedAsync(submitted, "countyId");
        var all = await Secretaries.BodyAsync(await app.CreateClient().GetAsync("/api/assessments/special-reports", Ct), HttpStatusCode.OK);
        Assert.Equal(app.Tree.Id(TestTree.OtherCountyCode), all.GetProperty("items").EnumerateArray().Single().GetProperty("countyId").GetGuid());
    }
}
