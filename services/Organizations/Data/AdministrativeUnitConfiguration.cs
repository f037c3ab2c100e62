using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Organizations.Units;

namespace PartyPlatform.Organizations.Data;

public sealed class AdministrativeUnitConfiguration : IEntityTypeConfiguration<AdministrativeUnit>
{
    public void Configure(EntityTypeBuilder<AdministrativeUnit> unit)
    {
        unit.ToTable("administrative_units");
        unit.HasKey(u => u.Id);
        unit.Property(u => u.Name).HasMaxLength(AdministrativeUnit.MaxNameLength);
        unit.Property(u => u.Kind).HasConversion<string>().HasMaxLength(30);
        unit.Property(u => u.Level).HasConversion<string>().HasMaxLength(30);
        unit.Property(u => u.Code).HasMaxLength(DivisionCode.Length);
        unit.Property(u => u.Path).HasMaxLength(400);
        unit.Property(u => u.Version).IsConcurrencyToken();

        // Codes identify a unit across county systems, retired ones included.
        unit.HasIndex(u => u.Code).IsUnique();
        unit.HasIndex(u => new { u.ParentId, u.Level });
        unit.HasIndex(u => u.Path).HasOperators("text_pattern_ops");

        unit.HasMany(u => u.History).WithOne().HasForeignKey(h => h.UnitId);
        unit.Navigation(u => u.History).HasField("history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
