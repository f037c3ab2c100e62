using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Venues.Standards;

namespace PartyPlatform.Venues.Data;

public sealed class ChecklistVersionConfiguration : IEntityTypeConfiguration<ChecklistVersion>
{
    public void Configure(EntityTypeBuilder<ChecklistVersion> checklist)
    {
        checklist.ToTable("checklist_versions");
        checklist.HasKey(c => c.Number);
        checklist.Property(c => c.Number).ValueGeneratedNever();
        checklist.Property(c => c.Title).HasMaxLength(200);
        checklist.Property(c => c.PublishedBy).HasMaxLength(200);
        checklist.Ignore(c => c.TotalWeight);
        checklist.OwnsMany(c => c.Items, items => items.ToJson());
    }
}
