using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Personnel.Management;

namespace PartyPlatform.Personnel.Data;

public sealed class ManagementRecordConfiguration : IEntityTypeConfiguration<ManagementRecord>
{
    public void Configure(EntityTypeBuilder<ManagementRecord> record)
    {
        record.ToTable("management_records");
        record.HasKey(r => r.Id);
        record.Property(r => r.Id).ValueGeneratedNever();
        record.HasIndex(r => r.PostId);
        record.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        record.Property(r => r.Description).HasMaxLength(ManagementRecordLimits.Description);
        record.Property(r => r.Outcome).HasMaxLength(ManagementRecordLimits.Outcome);
    }
}
