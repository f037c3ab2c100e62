using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartyPlatform.AdministrativeTree;

public sealed class PartyOrganizationReplicaConfiguration : IEntityTypeConfiguration<PartyOrganizationReplica>
{
    public void Configure(EntityTypeBuilder<PartyOrganizationReplica> organization)
    {
        organization.ToTable("party_organization_replicas");
        organization.HasKey(o => o.Id);
        // Ids come from Organizations; never generated here.
        organization.Property(o => o.Id).ValueGeneratedNever();
        organization.Property(o => o.Code).HasMaxLength(16);
        organization.Property(o => o.Name).HasMaxLength(150);
        organization.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        // Codes never change at the source, so each names one organisation here too.
        organization.HasIndex(o => o.Code).IsUnique();
        organization.HasIndex(o => o.UnitId);
    }
}
