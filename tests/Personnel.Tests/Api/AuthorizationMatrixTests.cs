using System.Net.Http.Json;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Authorization;

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

        var targets = new MatrixTargets()
            .Foreign("华州", "610503")
            .Route("/api/personnel/people/{id}", "id", person.ToString())
            .Route("/api/personnel/people/{id}/personal-information", "id", person.ToString())
            .Route("personId", person.ToString())
            .Route("id", term.ToString())
            .Route("postId", term.ToString())
            .Write(new("POST", "/api/personnel/people", Refusal.BodyOutside,
                MatrixBody.Json(People.Body(second, "610503198403030033", "华州张三"))))
            .Write(new("POST", "/api/personnel/posts", Refusal.BodyOutside,
                MatrixBody.Json(new { personId = successor, unitId = second, kind = "VillageSecretary", start = "2022-01-01" })))
            .Write(new("POST", "/api/personnel/posts/{id}/end", Refusal.PathOutside, MatrixBody.Json(new { end = "2026-05-01", reason = "届中调整" })))
            .Write(new("POST", "/api/personnel/people/{personId}/training", Refusal.PathOutside,
                MatrixBody.Json(new { course = "后备干部培训班", organiser = "华州区委组织部", start = "2026-04-01", end = "2026-04-03", hours = 24, completed = true })))
            .Write(new("POST", "/api/personnel/posts/{postId}/management-records", Refusal.PathOutside,
                MatrixBody.Json(new { kind = "Reward", periodStart = "2026-04-20", description = "优秀村党组织书记", outcome = "通报表彰" })));
        return (app, new AuthorizationMatrix(MatrixOperation.FromEndpoints(app.Services), targets, (_, ct) => DatabaseSnapshot.TakeAsync(app.Database, ct)));
    }
}
