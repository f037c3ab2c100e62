using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Dashboard.Personnel;

namespace PartyPlatform.Dashboard.Data;

public sealed class SecretaryProfileConfiguration : IEntityTypeConfiguration<SecretaryProfile>
{
    public void Configure(EntityTypeBuilder<SecretaryProfile> profile)
    {
        profile.ToTable("secretary_profiles");
        profile.HasKey(p => p.UnitId);
        profile.Property(p => p.UnitId).ValueGeneratedNever();
        profile.Property(p => p.UnitName).HasMaxLength(100);
        profile.Property(p => p.UnitCode).HasMaxLength(12);
        profile.Property(p => p.Level).HasConversion<string>().HasMaxLength(30);
        profile.Property(p => p.ByEducation).HasColumnType("jsonb");
        profile.Property(p => p.BySource).HasColumnType("jsonb");
        profile.Property(p => p.ByBirthYear).HasColumnType("jsonb");
        profile.HasIndex(p => new { p.Level, p.UnitCode });
    }
}
