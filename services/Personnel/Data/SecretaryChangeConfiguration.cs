using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Personnel.TownshipSecretaries;

namespace PartyPlatform.Personnel.Data;

public sealed class SecretaryChangeConfiguration : IEntityTypeConfiguration<SecretaryChange>
{
    public void Configure(EntityTypeBuilder<SecretaryChange> change)
    {
        change.ToTable("secretary_changes");
        change.HasKey(c => c.Id);
        change.Property(c => c.Id).ValueGeneratedNever();
        change.HasIndex(c => c.TownshipId);
        change.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.Reason).HasMaxLength(TownshipSecretaryLimits.Reason);
        change.Property(c => c.Decision).HasMaxLength(TownshipSecretaryLimits.Reason);
        change.Property(c => c.Version).IsConcurrencyToken();
    }
}
