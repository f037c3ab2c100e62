using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartyPlatform.Venues.Data;

public sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign.Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign.Campaign> campaign)
    {
        campaign.ToTable("campaigns");
        campaign.HasKey(c => c.Id);
        campaign.Property(c => c.Id).ValueGeneratedNever();
        campaign.Property(c => c.TimeZone).HasMaxLength(64);
        campaign.Property(c => c.CitySubsidyPerNewBuild).HasPrecision(14, 2);
        campaign.Property(c => c.Version).IsConcurrencyToken();
        campaign.Ignore(c => c.Terms);
        campaign.OwnsMany(c => c.Milestones, milestones =>
        {
            milestones.ToJson();
            milestones.Property(m => m.ReachedWith).HasConversion<string>();
        });
    }
}
