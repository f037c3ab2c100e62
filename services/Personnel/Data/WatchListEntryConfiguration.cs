using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Personnel.WatchList;

namespace PartyPlatform.Personnel.Data;

public sealed class WatchListEntryConfiguration : IEntityTypeConfiguration<WatchListEntry>
{
    public void Configure(EntityTypeBuilder<WatchListEntry> entry)
    {
        entry.ToTable("watch_list_entries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.Ignore(e => e.IsOpen);
        // One open entry per village, kind and source: two flags at once cannot both pass the check before saving.
        entry.HasIndex(e => new { e.UnitId, e.Kind, e.Source }).IsUnique().HasFilter("cleared_on IS NULL")
            .HasDatabaseName("ix_watch_list_entries_one_open");
        // A fact of Surveys or Assessments delivered again finds its entry and adds none.
        entry.HasIndex(e => new { e.Source, e.FactId }).IsUnique().HasFilter("fact_id IS NOT NULL")
            .HasDatabaseName("ix_watch_list_entries_fact_once");
        entry.HasIndex(e => new { e.UnitId, e.FlaggedOn });
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        entry.Property(e => e.Source).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Reason).HasMaxLength(WatchListLimits.Reason);
        entry.Property(e => e.ClearReason).HasMaxLength(WatchListLimits.Reason);
        entry.Property(e => e.Version).IsConcurrencyToken();
    }
}
