using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Dashboard.Venues;

namespace PartyPlatform.Dashboard.Data;

public sealed class VenueFundingConfiguration : IEntityTypeConfiguration<VenueFunding>
{
    public void Configure(EntityTypeBuilder<VenueFunding> funding)
    {
        funding.ToTable("venue_fundings");
        funding.HasKey(f => f.UnitId);
        // Unit ids come from Organizations; never generated here.
        funding.Property(f => f.UnitId).ValueGeneratedNever();
        funding.Property(f => f.Level).HasConversion<string>().HasMaxLength(30);
        funding.Property(f => f.Pledged).HasPrecision(16, 2);
        funding.Property(f => f.Arrived).HasPrecision(16, 2);
        funding.Property(f => f.Gap).HasPrecision(16, 2);
    }
}
