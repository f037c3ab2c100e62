using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Assessments.CountyScoring;

namespace PartyPlatform.Assessments.Data;

public sealed class CountyAssessmentConfiguration : IEntityTypeConfiguration<CountyAssessment>
{
    public void Configure(EntityTypeBuilder<CountyAssessment> assessment)
    {
        assessment.ToTable("county_assessments");
        assessment.HasKey(a => a.Id);
        assessment.HasIndex(a => a.Year).IsUnique();
        assessment.Property(a => a.ChangedBy).HasMaxLength(200);
        assessment.OwnsMany(a => a.Indicators, indicators => indicators.ToJson());
        assessment.OwnsMany(a => a.Deductions, deductions => deductions.ToJson());
    }
}
