using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Venues.Funding;

namespace PartyPlatform.Venues.Data;

public sealed class FundingSnapshotConfiguration : IEntityTypeConfiguration<FundingSnapshot>
{
    public void Configure(EntityTypeBuilder<FundingSnapshot> snapshot)
    {
        snapshot.ToTable("funding_snapshots");
        snapshot.HasKey(s => s.UnitId);
        snapshot.Property(s => s.UnitId).ValueGeneratedNever();
        snapshot.Property(s => s.Pledged).HasPrecision(16, 2);
        snapshot.Property(s => s.Arrived).HasPrecision(16, 2);
        snapshot.Property(s => s.Gap).HasPrecision(16, 2);
        snapshot.Property(s => s.Version).IsConcurrencyToken();
    }
}
