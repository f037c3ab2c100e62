using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Dashboard.Personnel;

namespace PartyPlatform.Dashboard.Data;

public sealed class GraduateOfficialRecordConfiguration : IEntityTypeConfiguration<GraduateOfficialRecord>
{
    public void Configure(EntityTypeBuilder<GraduateOfficialRecord> official)
    {
        official.ToTable("graduate_officials");
        official.HasKey(o => o.OfficialId);
        official.Property(o => o.OfficialId).ValueGeneratedNever();
        official.Property(o => o.ExitPath).HasConversion<string>().HasMaxLength(30);
        official.HasIndex(o => o.UnitId);
        official.HasIndex(o => o.TermEnds);
    }
}
