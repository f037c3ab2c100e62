using System.ComponentModel.DataAnnotations;
using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Surveys.SpotChecks;

public sealed record RecordSpotCheckRequest(
    [property: Required, StringLength(32, MinimumLength = 1)] string? OrganizationCode,
    [property: Required] DateOnly? CheckedOn,
    [property: Required, StringLength(SpotCheck.MaxGroupLength, MinimumLength = 1)] string? InspectionGroup,
    [property: Required, Range(1, 10_000)] int? HouseholdsChecked,
    [property: Required, Range(0, 10_000)] int? HouseholdsConfirmed,
    [property: StringLength(SpotCheck.MaxFindingsLength)] string? Findings);

public sealed record SpotCheckResponse(
    Guid Id, Guid OrganizationId, Guid UnitId, DateOnly CheckedOn, string InspectionGroup, int HouseholdsChecked, int HouseholdsConfirmed, string? Findings)
{
    public static SpotCheckResponse From(SpotCheck c) =>
        new(c.Id, c.OrganizationId, c.UnitId, c.CheckedOn, c.InspectionGroup, c.HouseholdsChecked, c.HouseholdsConfirmed, c.Findings);
}

/// <param name="ConfirmationRate">Households that confirmed the visit over households checked, in percent; null without checks.</param>
/// <param name="WithFindings">Checks that found something: fewer confirmed than checked, or findings written.</param>
public sealed record CountySpotChecksResponse(
    Guid UnitId, string UnitName, string? UnitCode, UnitLevel Level, int Checks, int HouseholdsChecked, int HouseholdsConfirmed, decimal? ConfirmationRate, int WithFindings);
