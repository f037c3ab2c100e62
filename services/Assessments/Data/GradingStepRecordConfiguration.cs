using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Assessments.Gradings;

namespace PartyPlatform.Assessments.Data;

public sealed class GradingStepRecordConfiguration : IEntityTypeConfiguration<GradingStepRecord>
{
    public void Configure(EntityTypeBuilder<GradingStepRecord> step)
    {
        step.ToTable("grading_steps");
        step.HasKey(s => s.Id);
        step.HasIndex(s => s.GradingId);
        step.Property(s => s.Step).HasConversion<string>().HasMaxLength(20);
        step.Property(s => s.Grade).HasConversion<string>().HasMaxLength(20);
        step.Property(s => s.Actor).HasMaxLength(200);
        step.Property(s => s.Note).HasMaxLength(GradingStepRecord.MaxNoteLength);
        step.HasOne<Grading>().WithMany().HasForeignKey(s => s.GradingId);
    }
}
