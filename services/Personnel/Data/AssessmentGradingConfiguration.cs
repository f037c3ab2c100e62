using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Personnel.WatchList;

namespace PartyPlatform.Personnel.Data;

public sealed class AssessmentGradingConfiguration : IEntityTypeConfiguration<AssessmentGrading>
{
    public void Configure(EntityTypeBuilder<AssessmentGrading> grading)
    {
        grading.ToTable("assessment_gradings");
        grading.HasKey(g => g.GradingId);
        grading.Property(g => g.GradingId).ValueGeneratedNever();
        grading.Property(g => g.Grade).HasConversion<string>().HasMaxLength(20);
        grading.Property(g => g.Step).HasConversion<string>().HasMaxLength(20);
    }
}
