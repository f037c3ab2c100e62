using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Visits;

namespace PartyPlatform.Surveys.Data;

public sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> visit)
    {
        visit.ToTable("visits");
        visit.HasKey(v => v.Id);
        visit.Property(v => v.Id).UseIdentityAlwaysColumn();
        // The same visit sent again (a resend, a retried upload) counts once.
        visit.HasIndex(v => new { v.CampaignId, v.OrganizationId, v.HouseholdKey, v.VisitedOn }).IsUnique()
            .HasDatabaseName("ix_visits_once");
        visit.HasOne<Campaign>().WithMany().HasForeignKey(v => v.CampaignId);
        visit.Property(v => v.HouseholdKey).HasMaxLength(Visit.MaxHouseholdKeyLength);
        visit.Property(v => v.HouseholdName).HasMaxLength(Visit.MaxNameLength);
        visit.Property(v => v.Phone).HasMaxLength(Visit.MaxPhoneLength);
        visit.Property(v => v.Visitor).HasMaxLength(Visit.MaxNameLength);
        visit.Property(v => v.Said).HasMaxLength(Visit.MaxSaidLength);
    }
}
