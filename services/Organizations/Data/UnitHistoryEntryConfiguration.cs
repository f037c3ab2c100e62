using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Organizations.Units;

namespace PartyPlatform.Organizations.Data;

public sealed class UnitHistoryEntryConfiguration : IEntityTypeConfiguration<UnitHistoryEntry>
{
    public void Configure(EntityTypeBuilder<UnitHistoryEntry> entry)
    {
        entry.ToTable("unit_history");
        entry.HasKey(h => new { h.UnitId, h.Version });
        entry.Property(h => h.Change).HasConversion<string>().HasMaxLength(30);
        entry.Property(h => h.Name).HasMaxLength(AdministrativeUnit.MaxNameLength);
    }
}
