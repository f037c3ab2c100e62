using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Personnel.ReserveTalent;

namespace PartyPlatform.Personnel.Data;

public sealed class TrainingCourseConfiguration : IEntityTypeConfiguration<TrainingCourse>
{
    public void Configure(EntityTypeBuilder<TrainingCourse> course)
    {
        course.ToTable("training_courses");
        course.HasKey(c => c.Id);
        course.Property(c => c.Id).ValueGeneratedNever();
        // The candidate list counts each person's completed courses.
        course.HasIndex(c => new { c.PersonId, c.Completed });
        course.Property(c => c.Course).HasMaxLength(TrainingLimits.Course);
        course.Property(c => c.Organiser).HasMaxLength(TrainingLimits.Organiser);
    }
}
