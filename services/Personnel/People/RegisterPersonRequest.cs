using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Personnel.People;

public sealed record RegisterPersonRequest(
    [property: Required] Guid? UnitId,
    [property: Required, StringLength(PersonLimits.Name, MinimumLength = 1)] string? Name,
    [property: Required] Gender? Gender,
    [property: Required] DateOnly? BirthDate,
    [property: Required, StringLength(PersonLimits.Ethnicity, MinimumLength = 1)] string? Ethnicity,
    [property: Required] Education? Education,
    DateOnly? JoinedPartyOn,
    [property: Required] PersonSource? Source,
    [property: Required, StringLength(CitizenIdNumber.Length)] string? IdNumber,
    [property: StringLength(PersonLimits.Phone), RegularExpression(RegisterPersonRequest.PhonePattern)] string? Phone)
{
    /// <summary>Digits with an optional leading + and hyphens: a mobile or a landline with its area code.</summary>
    public const string PhonePattern = @"^\+?[0-9][0-9-]{4,19}$";

    public PersonDetails ToDetails() => new(
        Name!.Trim(), Gender!.Value, BirthDate!.Value, Ethnicity!.Trim(), Education!.Value, JoinedPartyOn, Source!.Value,
        CitizenIdNumber.TryParse(IdNumber, out var number, out var error) ? number : throw new RuleViolationException("idNumber", error),
        Phone);
}
