using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Personnel.TownshipSecretaries;

namespace PartyPlatform.Personnel.Data;

public sealed class EligibilityFlagConfiguration : IEntityTypeConfiguration<EligibilityFlag>
{
    public void Configure(EntityTypeBuilder<EligibilityFlag> flag)
    {
        flag.ToTable("eligibility_flags");
        flag.HasKey(f => f.Id);
        flag.Property(f => f.Id).ValueGeneratedNever();
        flag.HasIndex(f => f.PersonId);
        flag.HasIndex(f => f.UnitId);
        // One flag of a kind per fact, however often the fact is delivered.
        flag.HasIndex(f => new { f.FactId, f.Kind }).IsUnique().HasFilter("fact_id IS NOT NULL");
        flag.Property(f => f.Kind).HasConversion<string>().HasMaxLength(30);
        flag.Property(f => f.Source).HasConversion<string>().HasMaxLength(30);
        flag.Property(f => f.LiftReason).HasMaxLength(TownshipSecretaryLimits.Reason);
        flag.Property(f => f.Version).IsConcurrencyToken();
    }
}
