using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Assessments.SpecialReports;

namespace PartyPlatform.Assessments.Data;

public sealed class SpecialReportConfiguration : IEntityTypeConfiguration<SpecialReport>
{
    public void Configure(EntityTypeBuilder<SpecialReport> report)
    {
        report.ToTable("special_reports");
        report.HasKey(r => r.Id);
        // One special report per deadline fact; two submitted at once: the second fails (409).
        report.HasIndex(r => r.FactId).IsUnique();
        report.HasIndex(r => r.CountyId);
        report.Property(r => r.Text).HasMaxLength(SpecialReport.MaxTextLength);
        report.Property(r => r.Rating).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.Comment).HasMaxLength(SpecialReport.MaxCommentLength);
        report.Property(r => r.SubmittedBy).HasMaxLength(200);
        report.Property(r => r.EvaluatedBy).HasMaxLength(200);
        report.Property(r => r.Version).IsConcurrencyToken();
    }
}
