using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Personnel.Profiles;

namespace PartyPlatform.Personnel.Data;

public sealed class VillageLeadersSnapshotConfiguration : IEntityTypeConfiguration<VillageLeadersSnapshot>
{
    public void Configure(EntityTypeBuilder<VillageLeadersSnapshot> snapshot)
    {
        snapshot.ToTable("village_leaders_snapshots");
        snapshot.HasKey(s => s.VillageId);
        snapshot.Property(s => s.VillageId).ValueGeneratedNever();
        // Text, not jsonb: jsonb reorders keys, and the list is compared as written.
        snapshot.Property(s => s.Leaders).HasColumnType("text");
        snapshot.Property(s => s.Version).IsConcurrencyToken();
    }
}
