using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Venues.Funding;
using PartyPlatform.Venues.Projects;

namespace PartyPlatform.Venues.Data;

public sealed class FundingLineConfiguration : IEntityTypeConfiguration<FundingLine>
{
    public void Configure(EntityTypeBuilder<FundingLine> line)
    {
        line.ToTable("funding_lines");
        line.HasKey(l => l.Id);
        line.Property(l => l.Id).ValueGeneratedNever();
        line.HasOne<Venue>().WithMany().HasForeignKey(l => l.VenueId);
        line.Property(l => l.Source).HasConversion<string>().HasMaxLength(20);
        line.Property(l => l.Contributor).HasMaxLength(200);
        line.Property(l => l.Pledged).HasPrecision(14, 2);
        line.Property(l => l.Arrived).HasPrecision(14, 2);
        line.Property(l => l.Reason).HasMaxLength(500);
        line.Property(l => l.Version).IsConcurrencyToken();
        line.Ignore(l => l.Gap);
        // The rule pays the city subsidy once per venue, whoever computes it concurrently.
        line.HasIndex(l => l.VenueId).IsUnique().HasFilter("source = 'CitySubsidy'").HasDatabaseName("ix_funding_lines_city_subsidy_once");
        line.HasIndex(l => l.VenueId);
    }
}
