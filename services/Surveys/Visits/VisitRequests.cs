using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Surveys.Visits;

/// <param name="OrganizationCode">The organisation's stable code (a village's division code), as a county's file cites it.</param>
/// <param name="HouseholdKey">The county system's key for the household.</param>
/// <param name="Said">What the household said.</param>
public sealed record RecordVisitRequest(
    [property: Required, StringLength(32, MinimumLength = 1)] string? OrganizationCode,
    [property: Required, StringLength(Visit.MaxHouseholdKeyLength, MinimumLength = 1)] string? HouseholdKey,
    [property: StringLength(Visit.MaxNameLength)] string? HouseholdName,
    [property: StringLength(Visit.MaxPhoneLength)] string? Phone,
    [property: Required] DateOnly? VisitedOn,
    [property: Required, StringLength(Visit.MaxNameLength, MinimumLength = 1)] string? Visitor,
    [property: StringLength(Visit.MaxSaidLength)] string? Said);
