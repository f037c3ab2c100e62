using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartyPlatform.AdministrativeTree;

public sealed class UnitReplicaConfiguration : IEntityTypeConfiguration<UnitReplica>
{
    public void Configure(EntityTypeBuilder<UnitReplica> unit)
    {
        unit.ToTable("unit_replicas");
        unit.HasKey(u => u.Id);
        // Ids come from Organizations; never generated here.
        unit.Property(u => u.Id).ValueGeneratedNever();
        unit.Property(u => u.Name).HasMaxLength(100);
        unit.Property(u => u.Kind).HasConversion<string>().HasMaxLength(30);
        unit.Property(u => u.Level).HasConversion<string>().HasMaxLength(30);
        unit.Property(u => u.Code).HasMaxLength(12);
        unit.HasIndex(u => u.ParentId);
    }
}
