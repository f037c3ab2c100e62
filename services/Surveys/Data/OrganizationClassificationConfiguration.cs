using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Classification;

namespace PartyPlatform.Surveys.Data;

public sealed class OrganizationClassificationConfiguration : IEntityTypeConfiguration<OrganizationClassification>
{
    public void Configure(EntityTypeBuilder<OrganizationClassification> classification)
    {
        classification.ToTable("organization_classifications");
        classification.HasKey(c => c.Id);
        classification.Property(c => c.Id).ValueGeneratedNever();
        classification.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId);
        // One classification per organisation and campaign: two runs at once cannot add two.
        classification.HasIndex(c => new { c.CampaignId, c.OrganizationId }).IsUnique();
        classification.HasIndex(c => new { c.CampaignId, c.UnitId });
        classification.Property(c => c.OrganizationCode).HasMaxLength(32);
        classification.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        classification.Property(c => c.RuledClass).HasConversion<string>().HasMaxLength(20);
        classification.Property(c => c.OverrideClass).HasConversion<string>().HasMaxLength(20);
        classification.Property(c => c.RuledReason).HasMaxLength(OrganizationClassification.MaxReasonLength);
        classification.Property(c => c.OverrideReason).HasMaxLength(OrganizationClassification.MaxReasonLength);
        classification.Property(c => c.OverriddenBy).HasMaxLength(100);
        classification.Ignore(c => c.Class);
        classification.Ignore(c => c.Reason);
        classification.Property(c => c.Version).IsConcurrencyToken();
    }
}
