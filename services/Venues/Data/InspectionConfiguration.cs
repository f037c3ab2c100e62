using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Venues.Projects;
using PartyPlatform.Venues.Standards;

namespace PartyPlatform.Venues.Data;

public sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> inspection)
    {
        inspection.ToTable("inspections");
        inspection.HasKey(i => i.Id);
        inspection.Property(i => i.Id).ValueGeneratedNever();
        inspection.HasOne<Venue>().WithMany().HasForeignKey(i => i.VenueId);
        inspection.HasOne<ChecklistVersion>().WithMany().HasForeignKey(i => i.ChecklistVersion);
        inspection.Property(i => i.Inspector).HasMaxLength(200);
        inspection.Property(i => i.Score).HasPrecision(5, 2);
        inspection.Property(i => i.Note).HasMaxLength(1000);
        inspection.HasIndex(i => new { i.VenueId, i.InspectedOn });
    }
}
