using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Dashboard.Venues;

namespace PartyPlatform.Dashboard.Data;

public sealed class VenueCampaignRecordConfiguration : IEntityTypeConfiguration<VenueCampaignRecord>
{
    public void Configure(EntityTypeBuilder<VenueCampaignRecord> campaign)
    {
        campaign.ToTable("venue_campaigns");
        campaign.HasKey(c => c.CampaignId);
        campaign.Property(c => c.CampaignId).ValueGeneratedNever();
        campaign.Property(c => c.CitySubsidyPerNewBuild).HasPrecision(14, 2);
    }
}
