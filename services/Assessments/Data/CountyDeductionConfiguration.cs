using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Assessments.CountyScoring;

namespace PartyPlatform.Assessments.Data;

public sealed class CountyDeductionConfiguration : IEntityTypeConfiguration<CountyDeduction>
{
    public void Configure(EntityTypeBuilder<CountyDeduction> deduction)
    {
        deduction.ToTable("county_deductions");
        deduction.HasKey(d => d.Id);
        // A fact deducts once per rule, however often it is delivered, replayed or seen by the watch.
        deduction.HasIndex(d => new { d.AssessmentId, d.CountyId, d.RuleCode, d.FactId }).IsUnique();
        deduction.Property(d => d.RuleCode).HasMaxLength(AssessmentIndicator.MaxCodeLength);
        deduction.Property(d => d.Reason).HasMaxLength(500);
        deduction.HasOne<CountyAssessment>().WithMany().HasForeignKey(d => d.AssessmentId);
    }
}
