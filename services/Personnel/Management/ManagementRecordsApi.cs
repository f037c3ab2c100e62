using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.OpenApi;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.Posts;
using PartyPlatform.Security;

namespace PartyPlatform.Personnel.Management;

public static class ManagementRecordsApi
{
    public static RouteGroupBuilder MapManagementRecordsApi(this IEndpointRouteBuilder routes)
    {
        var records = routes.MapGroup("/api/personnel/posts/{postId:guid}/management-records")
            .WithTag("ManagementRecords", "Management of village secretaries, per term: targets, performance, rewards and faults (目标考核、绩效考核、激励表彰、过错追究); append-only.");

        records.MapGet("/", List).WithName("ListManagementRecords").WithSummary("A village secretary's management records for one term, oldest first");
        records.MapPost("/", Record).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RecordManagement").WithSummary("Add a management record to a village secretary's term")
            .WithDescription("Only a VillageSecretary term takes records; an ended one still does, for the days it ran. A record is never changed: a correction is a new record.");

        return records;
    }

    private static async Task<Results<Ok<List<ManagementRecordResponse>>, NotFound>> List(
        Guid postId, ReplicaScope scope, PersonnelDb db, CancellationToken ct)
    {
        if (await TermAsync(postId, scope, db, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var records = await db.ManagementRecords.AsNoTracking().Where(r => r.PostId == postId)
            .OrderBy(r => r.PeriodStart).ThenBy(r => r.RecordedAt).ThenBy(r => r.Id).ToListAsync(ct);
        return TypedResults.Ok(records.ConvertAll(ManagementRecordResponse.From));
    }

    private static async Task<Results<Created<ManagementRecordResponse>, NotFound>> Record(
        Guid postId, RecordManagementRequest request, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, TimeProvider time, CancellationToken ct)
    {
        if (await TermAsync(postId, scope, db, ct) is not { } post)
        {
            return TypedResults.NotFound();
        }

        var record = ManagementRecord.Record(post, request.ToDetails(), calendar.Today, time.GetUtcNow());
        db.ManagementRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/personnel/posts/{postId}/management-records", ManagementRecordResponse.From(record));
    }

    /// <summary>The term, if it is on a unit of the caller's: elsewhere it is no term at all (404).</summary>
    private static async Task<Post?> TermAsync(Guid postId, ReplicaScope scope, PersonnelDb db, CancellationToken ct) =>
        await scope.FoundAsync(await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, ct), p => p.UnitId, ct);
}
