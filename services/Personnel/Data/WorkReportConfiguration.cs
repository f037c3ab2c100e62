using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Personnel.GraduateOfficials;

namespace PartyPlatform.Personnel.Data;

public sealed class WorkReportConfiguration : IEntityTypeConfiguration<WorkReport>
{
    public void Configure(EntityTypeBuilder<WorkReport> report)
    {
        report.ToTable("graduate_official_reports");
        report.HasKey(r => r.Id);
        report.Property(r => r.Id).ValueGeneratedNever();
        report.HasOne<GraduateOfficial>().WithMany().HasForeignKey(r => r.OfficialId);
        report.HasIndex(r => new { r.OfficialId, r.ReportedOn });
        report.Property(r => r.Summary).HasMaxLength(GraduateOfficialLimits.ReportSummary);
        report.Property(r => r.Evaluation).HasConversion<string>().HasMaxLength(30);
    }
}
