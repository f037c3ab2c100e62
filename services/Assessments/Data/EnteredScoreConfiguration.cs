using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Assessments.CountyScoring;

namespace PartyPlatform.Assessments.Data;

public sealed class EnteredScoreConfiguration : IEntityTypeConfiguration<EnteredScore>
{
    public void Configure(EntityTypeBuilder<EnteredScore> score)
    {
        score.ToTable("entered_scores");
        score.HasKey(s => new { s.AssessmentId, s.CountyId, s.IndicatorCode });
        score.Property(s => s.IndicatorCode).HasMaxLength(AssessmentIndicator.MaxCodeLength);
        score.Property(s => s.Points).HasPrecision(7, 2);
        score.Property(s => s.Note).HasMaxLength(1000);
        score.Property(s => s.EnteredBy).HasMaxLength(200);
        score.HasOne<CountyAssessment>().WithMany().HasForeignKey(s => s.AssessmentId);
    }
}
