using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Assessments.Rounds;

namespace PartyPlatform.Assessments.Data;

public sealed class GradingRoundConfiguration : IEntityTypeConfiguration<GradingRound>
{
    public void Configure(EntityTypeBuilder<GradingRound> round)
    {
        round.ToTable("grading_rounds");
        round.HasKey(r => r.Id);
        round.HasIndex(r => r.Year).IsUnique();
        round.Property(r => r.OpenedBy).HasMaxLength(200);
        // Two instances checking the deadline at once: the second one's save fails instead of recording the shortfall again.
        round.Property(r => r.ShortfallRecordedAt).IsConcurrencyToken();
        round.OwnsMany(r => r.Indicators, indicators => indicators.ToJson());
    }
}
