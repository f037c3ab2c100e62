using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Venues.Baseline;

namespace PartyPlatform.Venues.Data;

public sealed class BaselineVerificationConfiguration : IEntityTypeConfiguration<BaselineVerification>
{
    public void Configure(EntityTypeBuilder<BaselineVerification> verification)
    {
        verification.ToTable("baseline_verifications");
        verification.HasKey(v => v.CountyId);
        verification.Property(v => v.CountyId).ValueGeneratedNever();
        verification.Property(v => v.VerifiedBy).HasMaxLength(200);
    }
}
