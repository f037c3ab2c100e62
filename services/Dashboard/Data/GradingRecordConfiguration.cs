using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Dashboard.Assessments;

namespace PartyPlatform.Dashboard.Data;

public sealed class GradingRecordConfiguration : IEntityTypeConfiguration<GradingRecord>
{
    public void Configure(EntityTypeBuilder<GradingRecord> grading)
    {
        grading.ToTable("gradings");
        grading.HasKey(g => g.GradingId);
        grading.Property(g => g.GradingId).ValueGeneratedNever();
        // Grade and step stay numbers: the figures compare steps in order (decided or later is a result).
        grading.HasIndex(g => new { g.Year, g.UnitId });
    }
}
