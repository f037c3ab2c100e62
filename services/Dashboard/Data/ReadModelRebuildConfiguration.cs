using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Dashboard.ReadModel;

namespace PartyPlatform.Dashboard.Data;

public sealed class ReadModelRebuildConfiguration : IEntityTypeConfiguration<ReadModelRebuild>
{
    public void Configure(EntityTypeBuilder<ReadModelRebuild> rebuild)
    {
        rebuild.ToTable("read_model_rebuilds");
        rebuild.HasKey(r => r.Id);
        rebuild.Property(r => r.Id).ValueGeneratedNever();
        rebuild.HasIndex(r => r.RequestedAt);
    }
}
