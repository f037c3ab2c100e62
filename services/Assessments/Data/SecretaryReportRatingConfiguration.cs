using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Assessments.Reports;

namespace PartyPlatform.Assessments.Data;

public sealed class SecretaryReportRatingConfiguration : IEntityTypeConfiguration<SecretaryReportRating>
{
    public void Configure(EntityTypeBuilder<SecretaryReportRating> rating)
    {
        rating.ToTable("secretary_report_ratings");
        rating.HasKey(r => r.Id);
        // Each evaluator rates a report once.
        rating.HasIndex(r => new { r.ReportId, r.Evaluator }).IsUnique();
        rating.Property(r => r.Evaluator).HasMaxLength(200);
        rating.Property(r => r.Rating).HasConversion<string>().HasMaxLength(20);
        rating.Property(r => r.Comment).HasMaxLength(SecretaryReportRating.MaxCommentLength);
        rating.HasOne<SecretaryReport>().WithMany().HasForeignKey(r => r.ReportId);
    }
}
