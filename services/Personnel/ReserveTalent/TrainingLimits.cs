namespace PartyPlatform.Personnel.ReserveTalent;

public static class TrainingLimits
{
    public const int Course = 200;
    public const int Organiser = 100;

    /// <summary>More class hours than any course of a year's training plan holds.</summary>
    public const int Hours = 2000;
}
