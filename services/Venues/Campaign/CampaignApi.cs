using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Venues.Data;
using PartyPlatform.Security;
using PartyPlatform.OpenApi;

namespace PartyPlatform.Venues.Campaign;

public sealed record CampaignResponse(
    DateOnly Deadline, string TimeZone, DateTimeOffset DeadlinePassesAt, int DaysLeft, decimal CitySubsidyPerNewBuild,
    IReadOnlyList<MilestoneTemplate> Milestones, long Version);

public sealed record ChangeCampaignRequest(
    [property: Required] DateOnly? Deadline,
    [property: Required, StringLength(64)] string TimeZone,
    [property: Required, Range(typeof(decimal), "0", Funding.FundingLine.MaxAmount)] decimal? CitySubsidyPerNewBuild,
    [property: Required] IReadOnlyList<MilestoneTemplate> Milestones);

public static class CampaignApi
{
    public static RouteGroupBuilder MapCampaignApi(this IEndpointRouteBuilder routes)
    {
        var campaign = routes.MapGroup("/api/venues/campaign")
            .WithTag("Campaign terms", "The deadline, the standard milestones and the city subsidy: data the city changes, not constants.");

        campaign.MapGet("/", Get).WithName("GetCampaign").WithSummary("The deadline, the standard milestones and the city subsidy per accepted new build");
        campaign.MapPut("/", Change).RequireAuthorization(PlatformPolicies.Write)
            .WithName("ChangeCampaign").WithSummary("Change the campaign terms (city accounts only)")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("Projects already planned keep the milestones they were scheduled with; the deadline check uses the new deadline.");

        return campaign;
    }

    private static async Task<Ok<CampaignResponse>> Get(VenuesDb db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await db.Campaigns.AsNoTracking().SingleAsync(ct), time));

    private static async Task<Ok<CampaignResponse>> Change(
        ChangeCampaignRequest request, VenuesDb db, ReplicaScope scope, TimeProvider time, CancellationToken ct)
    {
        scope.EnsureCityWide("The campaign terms");
        var campaign = await db.Campaigns.SingleAsync(ct);
        campaign.Change(new CampaignTerms(request.Deadline!.Value, request.TimeZone, request.CitySubsidyPerNewBuild!.Value, request.Milestones));
        db.PublishOnCommit(campaign.ToEvent(time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(campaign, time));
    }

    private static CampaignResponse ToResponse(Campaign campaign, TimeProvider time)
    {
        var terms = campaign.Terms;
        return new CampaignResponse(
            terms.Deadline, terms.TimeZone, terms.DeadlinePassesAt, terms.DaysLeft(time),
            terms.CitySubsidyPerNewBuild, terms.Milestones, campaign.Version);
    }
}
