namespace PartyPlatform.Personnel.GraduateOfficials;

public static class GraduateOfficialLimits
{
    /// <summary>Leaves room in the post's end reason, which carries the exit path and this note.</summary>
    public const int ExitNote = 400;

    public const int ActivityCode = 40;

    public const int ActivityNote = 1000;

    public const int ReportSummary = 4000;
}
