using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Organizations.PartyOrganizations;
using PartyPlatform.Organizations.Units;

namespace PartyPlatform.Organizations.Data;

public sealed class PartyOrganizationConfiguration : IEntityTypeConfiguration<PartyOrganization>
{
    public void Configure(EntityTypeBuilder<PartyOrganization> organization)
    {
        organization.ToTable("party_organizations");
        organization.HasKey(o => o.Id);
        organization.Property(o => o.Name).HasMaxLength(PartyOrganization.MaxNameLength);
        organization.Property(o => o.Code).HasMaxLength(PartyOrganizationCode.MaxLength);
        organization.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        organization.Property(o => o.UnitPath).HasMaxLength(400);
        organization.Property(o => o.Version).IsConcurrencyToken();
        organization.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(o => o.UnitId);
        organization.HasIndex(o => o.UnitPath).HasOperators("text_pattern_ops");

        // Codes identify an organisation across county systems, retired ones included.
        organization.HasIndex(o => o.Code).IsUnique();
    }
}
