using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Dashboard.Surveys;

namespace PartyPlatform.Dashboard.Data;

public sealed class ClassificationRecordConfiguration : IEntityTypeConfiguration<ClassificationRecord>
{
    public void Configure(EntityTypeBuilder<ClassificationRecord> classification)
    {
        classification.ToTable("survey_classifications");
        classification.HasKey(c => c.ClassificationId);
        classification.Property(c => c.ClassificationId).ValueGeneratedNever();
        classification.Property(c => c.Class).HasConversion<string>().HasMaxLength(20);
        classification.HasIndex(c => new { c.CampaignId, c.UnitId });
    }
}
