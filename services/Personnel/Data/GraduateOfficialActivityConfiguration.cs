using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Personnel.GraduateOfficials;

namespace PartyPlatform.Personnel.Data;

public sealed class GraduateOfficialActivityConfiguration : IEntityTypeConfiguration<GraduateOfficialActivity>
{
    public void Configure(EntityTypeBuilder<GraduateOfficialActivity> activity)
    {
        activity.ToTable("graduate_official_activities");
        activity.HasKey(a => a.Id);
        activity.Property(a => a.Id).ValueGeneratedNever();
        activity.HasOne<GraduateOfficial>().WithMany().HasForeignKey(a => a.OfficialId);
        // Each activity once: two requests recording it at once get a 409 from the key.
        activity.HasIndex(a => new { a.OfficialId, a.Code }).IsUnique();
        activity.Property(a => a.Code).HasMaxLength(GraduateOfficialLimits.ActivityCode);
        activity.Property(a => a.Note).HasMaxLength(GraduateOfficialLimits.ActivityNote);
    }
}
