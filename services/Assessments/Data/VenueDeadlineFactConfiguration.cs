using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Assessments.Facts;

namespace PartyPlatform.Assessments.Data;

public sealed class VenueDeadlineFactConfiguration : IEntityTypeConfiguration<VenueDeadlineFact>
{
    public void Configure(EntityTypeBuilder<VenueDeadlineFact> fact)
    {
        fact.ToTable("venue_deadline_facts");
        fact.HasKey(f => f.FactId);
        fact.Property(f => f.FactId).ValueGeneratedNever();
        fact.ComplexProperty(f => f.Fact, facts => facts.AsUtc());
    }
}
