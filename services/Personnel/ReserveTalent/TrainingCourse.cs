namespace PartyPlatform.Personnel.ReserveTalent;

/// <summary>
/// A training course one person attended or attends: how reserve talent (好苗子) is prepared for the
/// village it is meant for. Kept with the person, so the courses follow them from post to post.
/// </summary>
public sealed class TrainingCourse
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PersonId { get; private set; }

    public string Course { get; private set; } = "";

    public string Organiser { get; private set; } = "";

    public DateOnly Start { get; private set; }

    /// <summary>The course's last day.</summary>
    public DateOnly End { get; private set; }

    public int Hours { get; private set; }

    public bool Completed { get; private set; }

    public static TrainingCourse Record(Guid personId, TrainingCourseDetails details, DateOnly today)
    {
        details.Check(today);
        return new TrainingCourse
        {
            PersonId = personId,
            Course = details.Course,
            Organiser = details.Organiser,
            Start = details.Start,
            End = details.End,
            Hours = details.Hours,
            Completed = details.Completed,
        };
    }
}
