using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Dashboard.Venues;

namespace PartyPlatform.Dashboard.Data;

public sealed class VenueCoverageConfiguration : IEntityTypeConfiguration<VenueCoverage>
{
    public void Configure(EntityTypeBuilder<VenueCoverage> coverage)
    {
        coverage.ToTable("venue_coverages");
        coverage.HasKey(c => c.UnitId);
        // Unit ids come from Organizations; never generated here.
        coverage.Property(c => c.UnitId).ValueGeneratedNever();
        coverage.Property(c => c.UnitName).HasMaxLength(100);
        coverage.Property(c => c.UnitCode).HasMaxLength(12);
        coverage.Property(c => c.Level).HasConversion<string>().HasMaxLength(30);
        coverage.Property(c => c.CoveragePercent).HasPrecision(5, 2);
        coverage.HasIndex(c => new { c.Level, c.UnitCode });
    }
}
