using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Personnel.People;

/// <summary>
/// A person's details replaced, but not their unit (a merge moves people). The ID number and phone are read masked
/// by most callers, so they change only when given: left out, they stay as recorded.
/// </summary>
public sealed record ChangePersonRequest(
    [property: Required, StringLength(PersonLimits.Name, MinimumLength = 1)] string? Name,
    [property: Required] Gender? Gender,
    [property: Required] DateOnly? BirthDate,
    [property: Required, StringLength(PersonLimits.Ethnicity, MinimumLength = 1)] string? Ethnicity,
    [property: Required] Education? Education,
    DateOnly? JoinedPartyOn,
    [property: Required] PersonSource? Source,
    [property: StringLength(CitizenIdNumber.Length)] string? IdNumber,
    [property: StringLength(PersonLimits.Phone), RegularExpression(RegisterPersonRequest.PhonePattern)] string? Phone)
{
    public PersonDetails ToDetails(Person person) =>
        new RegisterPersonRequest(person.UnitId, Name, Gender, BirthDate, Ethnicity, Education, JoinedPartyOn, Source,
            IdNumber ?? person.IdNumber, Phone ?? person.Phone).ToDetails();
}
