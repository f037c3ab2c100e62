using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Personnel.Profiles;

namespace PartyPlatform.Personnel.Data;

public sealed class ProfileSnapshotConfiguration : IEntityTypeConfiguration<ProfileSnapshot>
{
    public void Configure(EntityTypeBuilder<ProfileSnapshot> snapshot)
    {
        snapshot.ToTable("profile_snapshots");
        snapshot.HasKey(s => s.UnitId);
        snapshot.Property(s => s.UnitId).ValueGeneratedNever();
        snapshot.HasIndex(s => s.ParentId);
        snapshot.Property(s => s.Level).HasConversion<string>().HasMaxLength(20);
        snapshot.Property(s => s.ByEducation).HasColumnType("jsonb");
        snapshot.Property(s => s.BySource).HasColumnType("jsonb");
        snapshot.Property(s => s.ByBirthYear).HasColumnType("jsonb");
        snapshot.Ignore(s => s.EducationCounts);
        snapshot.Ignore(s => s.SourceCounts);
        snapshot.Ignore(s => s.BirthYearCounts);
        snapshot.Property(s => s.Version).IsConcurrencyToken();
    }
}
