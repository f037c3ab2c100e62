namespace PartyPlatform.Surveys.Visits;

/// <summary>A visit as every list shows it: the household's key, name and phone masked.</summary>
public sealed record VisitResponse(
    long Id,
    Guid CampaignId,
    Guid OrganizationId,
    string HouseholdKey,
    string? HouseholdName,
    string? Phone,
    DateOnly VisitedOn,
    string Visitor,
    string? Said,
    Guid? IngestId,
    DateTimeOffset RecordedAt)
{
    public static VisitResponse From(Visit visit) => new(
        visit.Id, visit.CampaignId, visit.OrganizationId, PersonalInformationMask.Key(visit.HouseholdKey), PersonalInformationMask.Name(visit.HouseholdName),
        PersonalInformationMask.Phone(visit.Phone), visit.VisitedOn, visit.Visitor, visit.Said, visit.IngestId, visit.RecordedAt);
}

/// <summary>A household's personal information unmasked: personnel officers of the organisation's unit only, audited.</summary>
public sealed record HouseholdInformationResponse(long VisitId, string HouseholdKey, string? HouseholdName, string? Phone);
