using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Assessments.Reports;

namespace PartyPlatform.Assessments.Data;

public sealed class SecretaryReportConfiguration : IEntityTypeConfiguration<SecretaryReport>
{
    public void Configure(EntityTypeBuilder<SecretaryReport> report)
    {
        report.ToTable("secretary_reports");
        report.HasKey(r => r.Id);
        // One report of a post a year.
        report.HasIndex(r => new { r.PostId, r.Year }).IsUnique();
        report.HasIndex(r => new { r.UnitId, r.Year });
        report.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
        report.Property(r => r.Step).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.ComputedResult).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.Result).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.Text).HasMaxLength(SecretaryReport.MaxTextLength);
        report.Property(r => r.OverrideReason).HasMaxLength(SecretaryReport.MaxReasonLength);
        report.Property(r => r.ReportedBy).HasMaxLength(200);
        report.Property(r => r.ConcludedBy).HasMaxLength(200);
        report.Property(r => r.Version).IsConcurrencyToken();
    }
}
