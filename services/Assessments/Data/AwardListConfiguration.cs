using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Assessments.Awards;
using PartyPlatform.Assessments.Rounds;

namespace PartyPlatform.Assessments.Data;

public sealed class AwardListConfiguration : IEntityTypeConfiguration<AwardList>
{
    public void Configure(EntityTypeBuilder<AwardList> list)
    {
        list.ToTable("award_lists");
        list.HasKey(l => l.Id);
        // One list per year and kind: two first confirmations at once meet here (409).
        list.HasIndex(l => new { l.Year, l.Kind }).IsUnique();
        list.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        list.Property(l => l.ConfirmedBy).HasMaxLength(200);
        list.Property(l => l.Version).IsConcurrencyToken();
        list.OwnsMany(l => l.Places, places => places.ToJson());
        list.HasOne<GradingRound>().WithMany().HasForeignKey(l => l.RoundId);
    }
}
