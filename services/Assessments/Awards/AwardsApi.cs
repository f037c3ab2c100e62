using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Assessments.Rounds;
using PartyPlatform.Assessments.Sheets;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;
using PartyPlatform.Spreadsheets;

namespace PartyPlatform.Assessments.Awards;

public static class AwardsApi
{
    public static RouteGroupBuilder MapAwardsApi(this IEndpointRouteBuilder routes)
    {
        var awards = routes.MapGroup("/api/assessments/awards/{year:int}/{kind}")
            .WithTag("Awards", "The yearly awards (十佳乡镇、百强村、千名党员致富带头人): candidates ranked by the configured rule with their scores explained and the ineligible excluded with every reason, and the list the city confirms.");

        awards.MapGet("/candidates", Candidates).WithName("ListAwardCandidates")
            .WithSummary("The year's candidates for a list (Townships, Villages or WealthLeaders), ranked across the city, in the caller's unit, paged: eligible by rank, then the excluded with their reasons");
        awards.MapGet("/", Get).WithName("GetAwardList").WithSummary("The list as the city confirmed it last, its places in the caller's unit");
        awards.MapGet("/export", Export)
            .Produces(StatusCodes.Status200OK, contentType: SheetFile.CsvMediaType, additionalContentTypes: SheetFile.XlsxMediaType)
            .WithName("ExportAwardList").WithSummary("Export the confirmed list's places in the caller's unit as CSV or Excel")
            .WithDescription($"Columns: {string.Join(", ", ExportColumns)}. Named awards-<year>-<kind>.csv or .xlsx; format is csv (the default) or xlsx.");
        awards.MapPut("/", Confirm).RequireAuthorization(PlatformPolicies.Write)
            .WithName("ConfirmAwardList").WithSummary("Confirm (or confirm again, as a new version) the year's list: the chosen candidates in order (the city's accounts only)")
            .WithDescription("An entry that is not a candidate, is named twice, or is not eligible answers 400 naming each such entry (`entries[i]`) with its reasons, and nothing changes; so do more entries than the list's places.");
        return awards;
    }

    private static async Task<Results<Ok<AwardCandidatesResponse>, NotFound>> Candidates(
        int year, AwardKind kind, bool? eligible, int? page, int? pageSize, ReplicaScope scope, AssessmentsDb db, AwardCandidates candidates,
        IOptionsSnapshot<AwardOptions> options, CancellationToken ct)
    {
        var request = new PageRequest(page, pageSize);
        if (await RoundOfAsync(db, year, kind, ct) is not { } round)
        {
            return TypedResults.NotFound();
        }

        var visible = await VisibleAsync(scope, ct);
        var shown = (await candidates.RankAsync(round, kind, options.Value, ct))
            .Where(r => visible(r.Candidate.UnitId) && (eligible is not { } wanted || r.Candidate.Assessment.IsEligible == wanted)).ToList();
        var places = options.Value.PlacesOf(kind);
        return TypedResults.Ok(new AwardCandidatesResponse(year, kind, places, new Page<AwardCandidateResponse>(
            [.. shown.Skip(request.Skip).Take(request.Size).Select(r => AwardCandidateResponse.From(r, places))], request.Number, request.Size, shown.Count)));
    }

    private static async Task<Results<Ok<AwardListResponse>, NotFound>> Get(int year, AwardKind kind, ReplicaScope scope, AssessmentsDb db, CancellationToken ct)
    {
        if (await ConfirmedAsync(db, year, kind, ct) is not { } list)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await ResponseAsync(db, list, await VisibleAsync(scope, ct), ct));
    }

    private static async Task<Results<PushStreamHttpResult, NotFound>> Export(
        int year, AwardKind kind, string? format, ReplicaScope scope, AssessmentsDb db, CancellationToken ct)
    {
        var xlsx = SheetDownload.IsXlsx(format);
        if (await ConfirmedAsync(db, year, kind, ct) is not { } list)
        {
            return TypedResults.NotFound();
        }

        var response = await ResponseAsync(db, list, await VisibleAsync(scope, ct), ct);
        var rows = response.Places.Select(p => (IReadOnlyList<string?>)
            [SheetTexts.Of(p.Rank), p.UnitCode, p.UnitName, p.PersonId?.ToString(), SheetTexts.Of(p.Score)]).ToAsyncEnumerable();
        return SheetDownload.Of(xlsx, ExportColumns, rows, $"awards-{year}-{kind}", ct);
    }

    private static readonly IReadOnlyList<string> ExportColumns = ["名次", "单位代码", "单位名称", "人员编号", "得分"];

    private static async Task<Results<Ok<AwardListResponse>, Created<AwardListResponse>, ValidationProblem, NotFound>> Confirm(
        int year, AwardKind kind, ConfirmAwardsRequest request, ReplicaScope scope, AssessmentsDb db, AwardCandidates candidates,
        IOptionsSnapshot<AwardOptions> options, AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        scope.EnsureCityWide("Confirming an award list");
        if (await RoundOfAsync(db, year, kind, ct) is not { } round)
        {
            return TypedResults.NotFound();
        }

        var entries = request.Entries!;
        var places = options.Value.PlacesOf(kind);
        if (entries.Count > places)
        {
            throw new RuleViolationException("entries", $"The {kind} list has {places} places; {entries.Count} entries are too many.");
        }

        var ranked = (await candidates.RankAsync(round, kind, options.Value, ct)).ToDictionary(r => r.Candidate.EntryId, r => r.Candidate);
        var errors = new Dictionary<string, string[]>();
        foreach (var (id, i) in entries.Select((id, i) => (id, i)))
        {
            var problem = !ranked.TryGetValue(id, out var candidate) ? $"{id} is not a candidate for the {year} {kind} list."
                : entries.Take(i).Contains(id) ? $"{Named(candidate)} is named twice."
                : candidate.Assessment.IsEligible ? null
                : $"{Named(candidate)} is not eligible: {string.Join("; ", candidate.Assessment.Exclusions)}.";
            if (problem is not null)
            {
                errors[$"entries[{i}]"] = [problem];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(e => e)), title: "The award list was refused.");
        }

        var list = await db.AwardLists.FirstOrDefaultAsync(l => l.Year == year && l.Kind == kind, ct);
        var created = list is null;
        if (list is null)
        {
            list = AwardList.For(round.Id, year, kind);
            db.AwardLists.Add(list);
        }

        list.Confirm(entries.Select(id => ranked[id]), actor.Id, time.GetUtcNow());
        db.PublishOnCommit(list.ToEvent());
        await db.SaveOrConflictAsync("Another request confirmed this list meanwhile; read it and confirm again.", ct);
        var response = await ResponseAsync(db, list, _ => true, ct);
        return created ? TypedResults.Created($"/api/assessments/awards/{year}/{kind}", response) : TypedResults.Ok(response);
    }

    /// <summary>The list of the year as last confirmed, for a kind of list that exists; null (404) otherwise.</summary>
    private static async Task<AwardList?> ConfirmedAsync(AssessmentsDb db, int year, AwardKind kind, CancellationToken ct) =>
        Enum.IsDefined(kind) ? await db.AwardLists.AsNoTracking().FirstOrDefaultAsync(l => l.Year == year && l.Kind == kind, ct) : null;

    /// <summary>The round of the year, for a kind of list that exists; null (404) otherwise.</summary>
    private static async Task<GradingRound?> RoundOfAsync(AssessmentsDb db, int year, AwardKind kind, CancellationToken ct) =>
        Enum.IsDefined(kind) ? await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Year == year, ct) : null;

    /// <summary>The lists are the city's, but a county or township sees only its own candidates and places on them.</summary>
    private static async Task<Func<Guid, bool>> VisibleAsync(ReplicaScope scope, CancellationToken ct)
    {
        if (await scope.CallerUnitAsync(ct) is null)
        {
            return _ => true;
        }

        var units = (await (await scope.UnitsAsync(ct)).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        return units.Contains;
    }

    private static async Task<AwardListResponse> ResponseAsync(AssessmentsDb db, AwardList list, Func<Guid, bool> visible, CancellationToken ct)
    {
        var shown = list.Places.Where(p => visible(p.UnitId)).ToList();
        var ids = shown.Select(p => p.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        return new AwardListResponse(list.Id, list.Year, list.Kind, list.Version, list.ConfirmedBy, list.ConfirmedAt, shown.ConvertAll(p =>
            new AwardPlaceResponse(p.Rank, p.UnitId, units.GetValueOrDefault(p.UnitId)?.Code, units.GetValueOrDefault(p.UnitId)?.Name ?? "", p.PersonId, p.Score)));
    }

    private static string Named(AwardCandidate candidate) =>
        candidate.PersonId is { } person ? $"Wealth leader {person} ({candidate.UnitName})" : $"{candidate.UnitName} ({candidate.UnitCode})";
}
