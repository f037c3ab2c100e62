using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Venues.Coverage;

namespace PartyPlatform.Venues.Data;

public sealed class CoverageSnapshotConfiguration : IEntityTypeConfiguration<CoverageSnapshot>
{
    public void Configure(EntityTypeBuilder<CoverageSnapshot> snapshot)
    {
        snapshot.ToTable("coverage_snapshots");
        snapshot.HasKey(s => s.UnitId);
        snapshot.Property(s => s.UnitId).ValueGeneratedNever();
        snapshot.Property(s => s.Version).IsConcurrencyToken();
    }
}
