using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Assessments.Rounds;

namespace PartyPlatform.Assessments.Data;

public sealed class RoundOrganizationConfiguration : IEntityTypeConfiguration<RoundOrganization>
{
    public void Configure(EntityTypeBuilder<RoundOrganization> organization)
    {
        organization.ToTable("round_organizations");
        organization.HasKey(o => new { o.RoundId, o.OrganizationId });
        organization.Property(o => o.OrganizationCode).HasMaxLength(40);
        organization.Property(o => o.OrganizationName).HasMaxLength(200);
        organization.HasIndex(o => new { o.RoundId, o.UnitId });
        organization.HasOne<GradingRound>().WithMany().HasForeignKey(o => o.RoundId);
    }
}
