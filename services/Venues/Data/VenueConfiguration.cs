using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Venues.Projects;

namespace PartyPlatform.Venues.Data;

public sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> venue)
    {
        venue.ToTable("venues");
        venue.HasKey(v => v.Id);
        venue.Property(v => v.Id).ValueGeneratedNever();
        // One venue per village: a renovation replaces the record of a new build, never adds a second.
        venue.HasIndex(v => v.VillageId).IsUnique();
        venue.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
        venue.Property(v => v.State).HasConversion<string>().HasMaxLength(20);
        venue.Property(v => v.FloorArea).HasPrecision(10, 2);
        venue.Property(v => v.StandardScore).HasPrecision(5, 2);
        venue.PrimitiveCollection(v => v.Functions).ElementType().HasConversion<string>();
        venue.PrimitiveCollection(v => v.Rooms).ElementType().HasConversion<string>();
        venue.Property(v => v.Version).IsConcurrencyToken();
        venue.Ignore(v => v.CountsAsVenue);
        venue.Ignore(v => v.StateDate);
        // A venue is read and changed whole, and a few dozen small entries each: JSON beside the row.
        venue.OwnsMany(v => v.History, history =>
        {
            history.ToJson();
            history.Property(h => h.State).HasConversion<string>();
        });
        venue.OwnsMany(v => v.Milestones, milestones =>
        {
            milestones.ToJson();
            milestones.Property(m => m.ReachedWith).HasConversion<string>();
        });
        venue.OwnsMany(v => v.Progress, progress => progress.ToJson());
    }
}
