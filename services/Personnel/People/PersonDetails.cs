namespace PartyPlatform.Personnel.People;

/// <summary>What a person is registered with; <see cref="Check"/> holds the rules that tie the fields together.</summary>
public sealed record PersonDetails(
    string Name,
    Gender Gender,
    DateOnly BirthDate,
    string Ethnicity,
    Education Education,
    DateOnly? JoinedPartyOn,
    PersonSource Source,
    CitizenIdNumber IdNumber,
    string? Phone)
{
    /// <summary>Nobody joins the Party before 18 (党章).</summary>
    private const int PartyAge = 18;

    public void Check(DateOnly today)
    {
        if (BirthDate > today)
        {
            throw new RuleViolationException("birthDate", $"{BirthDate:yyyy-MM-dd} is in the future.");
        }

        if (IdNumber.BirthDate != BirthDate)
        {
            throw new RuleViolationException("idNumber",
                $"The ID number says the person was born on {IdNumber.BirthDate:yyyy-MM-dd}, not on {BirthDate:yyyy-MM-dd}.");
        }

        if (JoinedPartyOn is { } joined && (joined > today || joined < BirthDate.AddYears(PartyAge)))
        {
            throw new RuleViolationException("joinedPartyOn",
                $"{joined:yyyy-MM-dd} is {(joined > today ? "in the future" : $"before the person's {PartyAge}th birthday")}.");
        }
    }
}
