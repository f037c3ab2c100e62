using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Surveys.Problems;

namespace PartyPlatform.Surveys.Data;

public sealed class ProblemStepConfiguration : IEntityTypeConfiguration<ProblemStep>
{
    public void Configure(EntityTypeBuilder<ProblemStep> step)
    {
        step.ToTable("problem_steps");
        step.HasKey(s => s.Id);
        step.Property(s => s.Id).ValueGeneratedNever();
        step.HasOne<Problem>().WithMany().HasForeignKey(s => s.ProblemId);
        // Each step once: two requests taking the same step at once cannot both record it.
        step.HasIndex(s => new { s.ProblemId, s.Stage }).IsUnique();
        step.Property(s => s.Stage).HasConversion<string>().HasMaxLength(20);
        step.Property(s => s.Actor).HasMaxLength(100);
        step.Property(s => s.Note).HasMaxLength(ProblemStep.MaxNoteLength);
    }
}
