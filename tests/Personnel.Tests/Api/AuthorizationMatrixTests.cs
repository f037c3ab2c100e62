using System.Net.Http.Json;
using PartyPlatform.TestInfrastructure.Authorization;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>
/// Every Personnel endpoint (from the running app's endpoint metadata) against every kind of caller, aimed at
/// a person and a running term of county B (华州区), set up by the city administrator, each write with a valid
/// body. The personal-information read admits personnel officers alone: county B's succeeds, the city
/// administrator gets 403. See the README's scope rule for what each caller is promised.
/// </summary>
public sealed class AuthorizationMatrixTests : ServiceAuthorizationMatrixTests<Program>
{
    protected override async Task<(ServiceApp<Program> App, AuthorizationMatrix Matrix)> StartAsync()
    {
        var app = await PersonnelApp.StartAsync();
        var city = app.CreateClient();
        var (first, second) = (app.Tree.Village(TestTree.OtherTownshipCode, 1), app.Tree.Village(TestTree.OtherTownshipCode, 2));
        var person = await Created.IdAsync(await city.PostAsJsonAsync("/api/personnel/people", People.Body(first, "610503198001010013", "华州张一"), Ct));
        var successor = await Created.IdAsync(await city.PostAsJsonAsync("/api/personnel/people", People.Body(second, "610503198202020023", "华州张二"), Ct));
        var term = await Created.IdAsync(await city.PostAsJsonAsync("/api/personnel/posts", new { personId = person, unitId = first, kind = "VillageSecretary", start = "2021-01-01" }, Ct));
        var township = app.Tree.Id(TestTree.OtherTownshipCode);
        var secretary = await People.RegisterAsync(city, township, "610503197001010019", "华州书记");
        var secretaryTerm = await People.BeginTermAsync(city, secretary, township, "TownshipSecretary", "2021-01-01");
        var flag = await Created.IdAsync(await city.PostAsJsonAsync($"/api/personnel/posts/{secretaryTerm}/eligibility-flags", new { kind = "CityAwards", reason = "矩阵" }, Ct));
        var change = new { townshipId = township, incomingPersonId = successor, effectiveOn = "2026-07-01", reason = "工作需要" };
        var (toApprove, toReject) = (await FileAsync(city, change), await FileAsync(city, change));
        var entry = await Created.IdAsync(await city.PostAsJsonAsync("/api/personnel/watch-list", new { unitId = first, kind = "Backward", reason = "班子软弱" }, Ct));
        var official = await GraduateOfficials.HireAsync(city, first, 1, "2021-08-01", "2024-07-31", countyPrefix: "610503");
        var leaving = await GraduateOfficials.HireAsync(city, first, 2, countyPrefix: "610503");
        var graduate = await GraduateOfficials.RegisterAsync(city, second, 3, countyPrefix: "610503");
        var officials = "/api/personnel/graduate-officials";
        var toOfficial = Id("id", official);

        var targets = new MatrixTargets()
            .Foreign("华州", "610503")
            .Route("/api/personnel/people/{id}", "id", person.ToString())
            .Route("/api/personnel/people/{id}/personal-information", "id", person.ToString())
            .Route("personId", person.ToString())
            .Route("id", term.ToString())
            .Route("unitId", township.ToString())
            .Route("/api/personnel/eligibility-flags/{id}", "id", flag.ToString())
            .Route("/api/personnel/township-secretary-changes/{id}", "id", toApprove.ToString())
            .Route("/api/personnel/watch-list/{id}", "id", entry.ToString())
            .Route("/api/personnel/watch-list/{id}/clear", "id", entry.ToString())
            .Route("postId", term.ToString())
            .Write(new("POST", "/api/personnel/people", Refusal.BodyOutside,
                MatrixBody.Json(People.Body(second, "610503198403030033", "华州张三"))))
            .Write(new("PUT", "/api/personnel/people/{id}", Refusal.PathOutside, MatrixBody.Json(new
            {
                name = "华州张一", gender = "Male", birthDate = "1980-01-01", ethnicity = "汉族", education = "Bachelor", joinedPartyOn = "2010-07-01", source = "Other",
            })))
            .Write(new("POST", "/api/personnel/people/imports", Refusal.BodyOutside, MatrixBody.Text(
                $"name,gender,birthDate,ethnicity,education,source,idNumber,unitCode,postKind,postStart\n华州张五,Male,1998-01-01,汉族,Bachelor,Other,{GraduateOfficials.IdNumber("610503", 50)},{TestTree.VillageCode(TestTree.OtherTownshipCode, 2)},ReserveTalent,2022-01-01\n",
                "text/csv")))
            .Write(new("POST", "/api/personnel/posts", Refusal.BodyOutside,
                MatrixBody.Json(new { personId = successor, unitId = second, kind = "VillageSecretary", start = "2022-01-01" })))
            .Write(new("POST", "/api/personnel/posts/{id}/end", Refusal.PathOutside, MatrixBody.Json(new { end = "2026-05-01", reason = "届中调整" })))
            .Write(new("POST", "/api/personnel/posts/{postId}/eligibility-flags", Refusal.CityOnly,
                MatrixBody.Json(new { kind = "Promotion", reason = "矩阵" }), Id("postId", secretaryTerm)))
            .Write(new("POST", "/api/personnel/eligibility-flags/{id}/lift", Refusal.CityOnly, MatrixBody.Json(new { reason = "矩阵" }), Id("id", flag)))
            .Write(new("POST", "/api/personnel/township-secretary-changes", Refusal.BodyOutside, MatrixBody.Json(change)))
            .Write(new("POST", "/api/personnel/township-secretary-changes/{id}/approve", Refusal.CityOnly,
                MatrixBody.Json(new { reason = "同意" }), Id("id", toApprove)))
            .Write(new("POST", "/api/personnel/township-secretary-changes/{id}/reject", Refusal.CityOnly,
                MatrixBody.Json(new { reason = "不同意" }), Id("id", toReject)))
            .Write(new("POST", "/api/personnel/watch-list", Refusal.BodyOutside, MatrixBody.Json(new { unitId = second, kind = "Unstable", reason = "信访多发" })))
            .Write(new("POST", "/api/personnel/watch-list/{id}/clear", Refusal.PathOutside, MatrixBody.Json(new { reason = "整顿转化" })))
            .Route($"{officials}/{{id}}", "id", official.ToString())
            .Write(new("POST", officials, Refusal.BodyOutside, MatrixBody.Json(GraduateOfficials.Hire(graduate, second))))
            .Write(new("POST", $"{officials}/{{id}}/renewals", Refusal.PathOutside, MatrixBody.Json(new { termEnds = "2027-07-31" }), toOfficial))
            .Write(new("POST", $"{officials}/{{id}}/exit", Refusal.PathOutside, MatrixBody.Json(new { path = "CivilService", on = "2026-09-01" }),
                Id("id", leaving)))
            .Write(new("POST", $"{officials}/{{id}}/activities", Refusal.PathOutside, MatrixBody.Json(new { activity = "VisitHouseholds", doneOn = "2025-03-01" }), toOfficial))
            .Write(new("POST", $"{officials}/{{id}}/attendance", Refusal.PathOutside, MatrixBody.Json(new { month = "2026-05", daysPresent = 20, daysRequired = 22 }), toOfficial))
            .Write(new("POST", $"{officials}/{{id}}/reports", Refusal.PathOutside, MatrixBody.Json(new { reportedOn = "2025-12-20", summary = "年度述职", evaluation = "Competent" }), toOfficial))
            .Write(new("POST", "/api/personnel/people/{personId}/training", Refusal.PathOutside,
                MatrixBody.Json(new { course = "后备干部培训班", organiser = "华州区委组织部", start = "2026-04-01", end = "2026-04-03", hours = 24, completed = true })))
            .Write(new("POST", "/api/personnel/posts/{postId}/management-records", Refusal.PathOutside,
                MatrixBody.Json(new { kind = "Reward", periodStart = "2026-04-20", description = "优秀村党组织书记", outcome = "通报表彰" })));
        return (app, new AuthorizationMatrix(MatrixOperation.FromEndpoints(app.Services), targets, (_, ct) => DatabaseSnapshot.TakeAsync(app.Database, ct)));
    }

    private static Dictionary<string, string> Id(string parameter, Guid id) => new() { [parameter] = id.ToString() };

    private static async Task<Guid> FileAsync(HttpClient city, object change) =>
        await Created.IdAsync(await city.PostAsJsonAsync("/api/personnel/township-secretary-changes", change, Ct));
}
