namespace PartyPlatform.Personnel.GraduateOfficials;

/// <summary>One contract term of a college-graduate official, numbered from 1; both days belong to the term.</summary>
public sealed class ContractTerm(int number, DateOnly start, DateOnly end)
{
    public int Number { get; private set; } = number;

    public DateOnly Start { get; private set; } = start;

    /// <summary>The term's last day: the next term starts the day after.</summary>
    public DateOnly End { get; private set; } = end;
}
