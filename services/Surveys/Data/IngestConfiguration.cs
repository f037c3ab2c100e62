using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Ingests;

namespace PartyPlatform.Surveys.Data;

public sealed class IngestConfiguration : IEntityTypeConfiguration<Ingest>
{
    public void Configure(EntityTypeBuilder<Ingest> ingest)
    {
        ingest.ToTable("ingests");
        ingest.HasKey(i => i.Id);
        ingest.Property(i => i.Id).ValueGeneratedNever();
        ingest.HasOne<Campaign>().WithMany().HasForeignKey(i => i.CampaignId);
        ingest.HasIndex(i => new { i.CampaignId, i.StartedAt });
        ingest.Property(i => i.SentBy).HasMaxLength(200);
        ingest.Property(i => i.Header).HasMaxLength(1000);
        ingest.Property(i => i.Failure).HasMaxLength(Ingest.MaxFailureLength);
        ingest.Property(i => i.Format).HasConversion<string>().HasMaxLength(10);
        ingest.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        ingest.Ignore(i => i.Duration);
    }
}
