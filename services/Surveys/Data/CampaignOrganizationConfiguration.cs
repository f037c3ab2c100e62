using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Surveys.Campaigns;

namespace PartyPlatform.Surveys.Data;

public sealed class CampaignOrganizationConfiguration : IEntityTypeConfiguration<CampaignOrganization>
{
    public void Configure(EntityTypeBuilder<CampaignOrganization> organization)
    {
        organization.ToTable("campaign_organizations");
        organization.HasKey(o => o.Id);
        organization.Property(o => o.Id).ValueGeneratedNever();
        // An organisation is in a campaign once; a county's file names it by code.
        organization.HasIndex(o => new { o.CampaignId, o.OrganizationId }).IsUnique();
        organization.HasIndex(o => new { o.CampaignId, o.OrganizationCode }).IsUnique();
        organization.HasIndex(o => new { o.CampaignId, o.UnitId });
        organization.HasOne<Campaign>().WithMany().HasForeignKey(o => o.CampaignId);
        organization.Property(o => o.OrganizationCode).HasMaxLength(32);
        organization.Property(o => o.OrganizationName).HasMaxLength(150);
        organization.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        organization.Ignore(o => o.InScope);
        organization.Ignore(o => o.VisitRate);
        organization.Property(o => o.Version).IsConcurrencyToken();
    }
}
