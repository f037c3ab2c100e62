using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Dashboard.Venues;

namespace PartyPlatform.Dashboard.Data;

public sealed class VenueRecordConfiguration : IEntityTypeConfiguration<VenueRecord>
{
    public void Configure(EntityTypeBuilder<VenueRecord> venue)
    {
        venue.ToTable("venue_records");
        venue.HasKey(v => v.VenueId);
        // Venue ids come from Venues; never generated here.
        venue.Property(v => v.VenueId).ValueGeneratedNever();
        venue.Property(v => v.Kind).HasConversion<string>().HasMaxLength(30);
        venue.Property(v => v.State).HasConversion<string>().HasMaxLength(30);
        venue.Property(v => v.FloorArea).HasPrecision(10, 2);
        venue.HasIndex(v => v.VillageId);
    }
}
