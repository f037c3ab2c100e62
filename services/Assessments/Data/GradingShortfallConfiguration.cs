using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Assessments.Deadline;
using PartyPlatform.Assessments.Rounds;

namespace PartyPlatform.Assessments.Data;

public sealed class GradingShortfallConfiguration : IEntityTypeConfiguration<GradingShortfall>
{
    public void Configure(EntityTypeBuilder<GradingShortfall> shortfall)
    {
        shortfall.ToTable("grading_shortfalls");
        shortfall.HasKey(s => s.FactId);
        // Once per round and county, however many instances check the deadline at once.
        shortfall.HasIndex(s => new { s.RoundId, s.CountyId }).IsUnique();
        shortfall.Property(s => s.CountyName).HasMaxLength(200);
        shortfall.HasOne<GradingRound>().WithMany().HasForeignKey(s => s.RoundId);
    }
}
