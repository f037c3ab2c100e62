namespace PartyPlatform.Personnel.People;

/// <summary>A person's personal information unmasked: for a personnel officer of the person's unit, and audited.</summary>
public sealed record PersonalInformationResponse(Guid Id, string Name, string IdNumber, string? Phone);
