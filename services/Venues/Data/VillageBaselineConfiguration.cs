using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Venues.Baseline;

namespace PartyPlatform.Venues.Data;

public sealed class VillageBaselineConfiguration : IEntityTypeConfiguration<VillageBaseline>
{
    public void Configure(EntityTypeBuilder<VillageBaseline> baseline)
    {
        baseline.ToTable("village_baselines");
        baseline.HasKey(b => b.VillageId);
        baseline.Property(b => b.VillageId).ValueGeneratedNever();
        baseline.Property(b => b.Note).HasMaxLength(500);
        baseline.Property(b => b.RecordedBy).HasMaxLength(200);
    }
}
