using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Personnel.ReserveTalent;

/// <param name="End">The course's last day.</param>
/// <param name="Hours">Class hours (学时).</param>
public sealed record RecordTrainingRequest(
    [property: Required, StringLength(TrainingLimits.Course, MinimumLength = 1)] string? Course,
    [property: Required, StringLength(TrainingLimits.Organiser, MinimumLength = 1)] string? Organiser,
    [property: Required] DateOnly? Start,
    [property: Required] DateOnly? End,
    [property: Required, Range(1, TrainingLimits.Hours)] int? Hours,
    [property: Required] bool? Completed)
{
    public TrainingCourseDetails ToDetails() =>
        new(Course!.Trim(), Organiser!.Trim(), Start!.Value, End!.Value, Hours!.Value, Completed!.Value);
}
