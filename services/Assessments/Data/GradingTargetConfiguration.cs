using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Assessments.Rounds;
using PartyPlatform.Assessments.Targets;

namespace PartyPlatform.Assessments.Data;

public sealed class GradingTargetConfiguration : IEntityTypeConfiguration<GradingTarget>
{
    public void Configure(EntityTypeBuilder<GradingTarget> target)
    {
        target.ToTable("grading_targets");
        target.HasKey(t => t.Id);
        target.HasIndex(t => new { t.RoundId, t.UnitId }).IsUnique();
        target.Property(t => t.GoodShareAtLeast).HasPrecision(5, 1);
        target.Property(t => t.PoorShareAtMost).HasPrecision(5, 1);
        target.Property(t => t.SetBy).HasMaxLength(200);
        target.Property(t => t.Version).IsConcurrencyToken();
        target.HasOne<GradingRound>().WithMany().HasForeignKey(t => t.RoundId);
    }
}
