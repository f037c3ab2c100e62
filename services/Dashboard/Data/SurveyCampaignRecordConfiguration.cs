using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Dashboard.Surveys;

namespace PartyPlatform.Dashboard.Data;

public sealed class SurveyCampaignRecordConfiguration : IEntityTypeConfiguration<SurveyCampaignRecord>
{
    public void Configure(EntityTypeBuilder<SurveyCampaignRecord> campaign)
    {
        campaign.ToTable("survey_campaigns");
        campaign.HasKey(c => c.CampaignId);
        campaign.Property(c => c.CampaignId).ValueGeneratedNever();
        campaign.Property(c => c.Name).HasMaxLength(100);
    }
}
