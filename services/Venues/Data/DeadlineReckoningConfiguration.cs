using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Venues.Deadline;

namespace PartyPlatform.Venues.Data;

public sealed class DeadlineReckoningConfiguration : IEntityTypeConfiguration<DeadlineReckoning>
{
    public void Configure(EntityTypeBuilder<DeadlineReckoning> reckoning)
    {
        reckoning.ToTable("deadline_reckonings");
        reckoning.HasKey(r => r.Deadline);
        reckoning.OwnsMany(r => r.Shortfalls, shortfalls =>
        {
            shortfalls.ToJson();
            shortfalls.Property(s => s.Level).HasConversion<string>();
        });
    }
}
