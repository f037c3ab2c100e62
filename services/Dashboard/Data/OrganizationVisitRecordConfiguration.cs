using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Dashboard.Surveys;

namespace PartyPlatform.Dashboard.Data;

public sealed class OrganizationVisitRecordConfiguration : IEntityTypeConfiguration<OrganizationVisitRecord>
{
    public void Configure(EntityTypeBuilder<OrganizationVisitRecord> record)
    {
        record.ToTable("organization_visits");
        record.HasKey(r => r.ScopeEntryId);
        record.Property(r => r.ScopeEntryId).ValueGeneratedNever();
        record.Property(r => r.OrganizationCode).HasMaxLength(32);
        record.HasIndex(r => new { r.CampaignId, r.UnitId });
    }
}
