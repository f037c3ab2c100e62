namespace PartyPlatform.Personnel.People;

/// <summary>A person as every list and read shows them: the ID number and phone masked.</summary>
public sealed record PersonResponse(
    Guid Id,
    Guid UnitId,
    string Name,
    Gender Gender,
    DateOnly BirthDate,
    string Ethnicity,
    Education Education,
    DateOnly? JoinedPartyOn,
    PersonSource Source,
    string IdNumber,
    string? Phone,
    long Version)
{
    public static PersonResponse From(Person person) => new(
        person.Id, person.UnitId, person.Name, person.Gender, person.BirthDate, person.Ethnicity, person.Education, person.JoinedPartyOn,
        person.Source, PersonalInformationMask.IdNumber(person.IdNumber), PersonalInformationMask.Phone(person.Phone), person.Version);
}
