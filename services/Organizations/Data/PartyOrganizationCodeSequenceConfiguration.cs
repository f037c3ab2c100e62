using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Organizations.PartyOrganizations;

namespace PartyPlatform.Organizations.Data;

public sealed class PartyOrganizationCodeSequenceConfiguration : IEntityTypeConfiguration<PartyOrganizationCodeSequence>
{
    public void Configure(EntityTypeBuilder<PartyOrganizationCodeSequence> sequence)
    {
        sequence.ToTable("party_organization_code_sequences");
        sequence.HasKey(s => s.Prefix);
        sequence.Property(s => s.Prefix).HasMaxLength(PartyOrganizationCode.AssignedLength - PartyOrganizationCode.SequenceDigits);
    }
}
