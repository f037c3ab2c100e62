using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Surveys.Campaigns;

namespace PartyPlatform.Surveys.Data;

public sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> campaign)
    {
        campaign.ToTable("campaigns");
        campaign.HasKey(c => c.Id);
        campaign.Property(c => c.Id).ValueGeneratedNever();
        campaign.Property(c => c.Name).HasMaxLength(Campaign.MaxNameLength);
        campaign.HasIndex(c => c.UnitId);
        campaign.Property(c => c.Version).IsConcurrencyToken();
    }
}
