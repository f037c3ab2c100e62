using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.OpenApi;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Security;

namespace PartyPlatform.Personnel.ReserveTalent;

public static class TrainingApi
{
    public static RouteGroupBuilder MapTrainingApi(this IEndpointRouteBuilder routes)
    {
        var training = routes.MapGroup("/api/personnel/people/{personId:guid}/training")
            .WithTag("Training", "The training courses each person attended or attends, above all the reserve talent (好苗子) being prepared for a village.");

        training.MapGet("/", List).WithName("ListTrainingCourses").WithSummary("A person's training courses, oldest first");
        training.MapPost("/", Record).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RecordTrainingCourse").WithSummary("Record a training course a person attended or attends")
            .WithDescription("The course ends on its first day or later; a completed course has ended by today (the city's day).");

        return training;
    }

    private static async Task<Results<Ok<List<TrainingCourseResponse>>, NotFound>> List(
        Guid personId, ReplicaScope scope, PersonnelDb db, CancellationToken ct)
    {
        if (!await PersonFoundAsync(personId, scope, db, ct))
        {
            return TypedResults.NotFound();
        }

        var courses = await db.TrainingCourses.AsNoTracking().Where(c => c.PersonId == personId)
            .OrderBy(c => c.Start).ThenBy(c => c.Id).ToListAsync(ct);
        return TypedResults.Ok(courses.ConvertAll(TrainingCourseResponse.From));
    }

    private static async Task<Results<Created<TrainingCourseResponse>, NotFound>> Record(
        Guid personId, RecordTrainingRequest request, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, CancellationToken ct)
    {
        if (!await PersonFoundAsync(personId, scope, db, ct))
        {
            return TypedResults.NotFound();
        }

        var course = TrainingCourse.Record(personId, request.ToDetails(), calendar.Today);
        db.TrainingCourses.Add(course);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/personnel/people/{personId}/training", TrainingCourseResponse.From(course));
    }

    /// <summary>Whether the person is one of the caller's unit: elsewhere they are no person at all (404).</summary>
    private static async Task<bool> PersonFoundAsync(Guid personId, ReplicaScope scope, PersonnelDb db, CancellationToken ct) =>
        await scope.FoundAsync(await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct), p => p.UnitId, ct) is not null;
}
