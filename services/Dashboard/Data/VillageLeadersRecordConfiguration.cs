using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Dashboard.Personnel;

namespace PartyPlatform.Dashboard.Data;

public sealed class VillageLeadersRecordConfiguration : IEntityTypeConfiguration<VillageLeadersRecord>
{
    public void Configure(EntityTypeBuilder<VillageLeadersRecord> leaders)
    {
        leaders.ToTable("village_leaders");
        leaders.HasKey(l => l.VillageId);
        leaders.Property(l => l.VillageId).ValueGeneratedNever();
        leaders.Property(l => l.Leaders).HasColumnType("jsonb");
        leaders.Ignore(l => l.List);
    }
}
