using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Dashboard.Venues;

namespace PartyPlatform.Dashboard.Data;

public sealed class ProjectScheduleRecordConfiguration : IEntityTypeConfiguration<ProjectScheduleRecord>
{
    public void Configure(EntityTypeBuilder<ProjectScheduleRecord> schedule)
    {
        schedule.ToTable("project_schedules");
        schedule.HasKey(s => s.VenueId);
        // Venue ids come from Venues; never generated here.
        schedule.Property(s => s.VenueId).ValueGeneratedNever();
        schedule.Property(s => s.LateMilestone).HasMaxLength(100);
        // The behind-schedule list: late projects, longest late first.
        schedule.HasIndex(s => new { s.BehindSchedule, s.BehindSince });
        schedule.HasIndex(s => s.VillageId);
    }
}
