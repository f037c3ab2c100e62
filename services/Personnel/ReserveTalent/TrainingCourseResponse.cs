namespace PartyPlatform.Personnel.ReserveTalent;

public sealed record TrainingCourseResponse(Guid Id, Guid PersonId, string Course, string Organiser, DateOnly Start, DateOnly End, int Hours, bool Completed)
{
    public static TrainingCourseResponse From(TrainingCourse course) =>
        new(course.Id, course.PersonId, course.Course, course.Organiser, course.Start, course.End, course.Hours, course.Completed);
}
