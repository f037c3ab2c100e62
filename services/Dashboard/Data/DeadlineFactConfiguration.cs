using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Dashboard.Venues;

namespace PartyPlatform.Dashboard.Data;

public sealed class DeadlineFactConfiguration : IEntityTypeConfiguration<DeadlineFact>
{
    public void Configure(EntityTypeBuilder<DeadlineFact> fact)
    {
        fact.ToTable("deadline_facts");
        fact.HasKey(f => f.FactId);
        // Fact ids come from Venues: the key is what makes a redelivered fact land once.
        fact.Property(f => f.FactId).ValueGeneratedNever();
        fact.Property(f => f.UnitName).HasMaxLength(100);
        fact.Property(f => f.UnitCode).HasMaxLength(12);
        fact.Property(f => f.Level).HasConversion<string>().HasMaxLength(30);
        fact.Property(f => f.CoveragePercent).HasPrecision(5, 2);
        fact.Property(f => f.Reason).HasMaxLength(1000);
        fact.HasIndex(f => new { f.Deadline, f.UnitId });
    }
}
