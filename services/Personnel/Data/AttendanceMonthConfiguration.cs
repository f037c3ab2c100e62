using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Personnel.GraduateOfficials;

namespace PartyPlatform.Personnel.Data;

public sealed class AttendanceMonthConfiguration : IEntityTypeConfiguration<AttendanceMonth>
{
    public void Configure(EntityTypeBuilder<AttendanceMonth> attendance)
    {
        attendance.ToTable("graduate_official_attendance");
        attendance.HasKey(a => a.Id);
        attendance.Property(a => a.Id).ValueGeneratedNever();
        attendance.HasOne<GraduateOfficial>().WithMany().HasForeignKey(a => a.OfficialId);
        attendance.HasIndex(a => new { a.OfficialId, a.Month }).IsUnique();
    }
}
