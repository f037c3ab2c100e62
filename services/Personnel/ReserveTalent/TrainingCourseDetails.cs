namespace PartyPlatform.Personnel.ReserveTalent;

/// <summary>A course as it is recorded; <see cref="Check"/> holds the rules that tie its dates together.</summary>
/// <param name="End">The course's last day.</param>
public sealed record TrainingCourseDetails(string Course, string Organiser, DateOnly Start, DateOnly End, int Hours, bool Completed)
{
    public void Check(DateOnly today)
    {
        if (End < Start)
        {
            throw new RuleViolationException("end", $"A course that begins on {Start:yyyy-MM-dd} ends on it or later, not on {End:yyyy-MM-dd}.");
        }

        // A course still to come or under way may be recorded (the plan), but it is not completed before its last day.
        if (Completed && End > today)
        {
            throw new RuleViolationException("end", $"A completed course has ended by today ({today:yyyy-MM-dd}); this one ends on {End:yyyy-MM-dd}.");
        }
    }
}
