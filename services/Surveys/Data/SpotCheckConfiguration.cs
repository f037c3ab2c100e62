using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.SpotChecks;

namespace PartyPlatform.Surveys.Data;

public sealed class SpotCheckConfiguration : IEntityTypeConfiguration<SpotCheck>
{
    public void Configure(EntityTypeBuilder<SpotCheck> check)
    {
        check.ToTable("spot_checks");
        check.HasKey(c => c.Id);
        check.Property(c => c.Id).ValueGeneratedNever();
        check.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId);
        check.HasIndex(c => new { c.CampaignId, c.UnitId });
        check.Property(c => c.InspectionGroup).HasMaxLength(SpotCheck.MaxGroupLength);
        check.Property(c => c.Findings).HasMaxLength(SpotCheck.MaxFindingsLength);
        check.Ignore(c => c.HasFinding);
    }
}
