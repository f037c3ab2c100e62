using System.ComponentModel.DataAnnotations;
using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Surveys.Campaigns;

/// <param name="UnitId">The city, or a county running its own campaign: its Party organisations form the scope.</param>
/// <param name="Kinds">The kinds of Party organisation covered; all kinds when left out.</param>
public sealed record PlanCampaignRequest(
    [property: Required, StringLength(Campaign.MaxNameLength, MinimumLength = 1)] string? Name,
    [property: Required] Guid? UnitId,
    [property: Required] DateOnly? StartsOn,
    [property: Required] DateOnly? EndsOn,
    [property: MaxLength(5)] PartyOrganizationKind[]? Kinds);

public sealed record SetHouseholdsRequest([property: Required, Range(1, CampaignOrganization.MaxHouseholds)] int? Households);

/// <param name="OrganizationCode">The Party organisation's stable code.</param>
public sealed record AddCampaignOrganizationRequest([property: Required, StringLength(32, MinimumLength = 1)] string? OrganizationCode);
