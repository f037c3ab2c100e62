using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Dashboard.Assessments;

namespace PartyPlatform.Dashboard.Data;

public sealed class GradingTargetRecordConfiguration : IEntityTypeConfiguration<GradingTargetRecord>
{
    public void Configure(EntityTypeBuilder<GradingTargetRecord> target)
    {
        target.ToTable("grading_targets");
        target.HasKey(t => t.TargetId);
        target.Property(t => t.TargetId).ValueGeneratedNever();
        target.Property(t => t.GoodShareAtLeast).HasPrecision(5, 1);
        target.Property(t => t.PoorShareAtMost).HasPrecision(5, 1);
        target.HasIndex(t => new { t.Year, t.UnitId });
    }
}
