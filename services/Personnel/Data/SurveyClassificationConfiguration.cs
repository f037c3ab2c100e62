using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Personnel.WatchList;

namespace PartyPlatform.Personnel.Data;

public sealed class SurveyClassificationConfiguration : IEntityTypeConfiguration<SurveyClassification>
{
    public void Configure(EntityTypeBuilder<SurveyClassification> classification)
    {
        classification.ToTable("survey_classifications");
        classification.HasKey(c => c.ClassificationId);
        classification.Property(c => c.ClassificationId).ValueGeneratedNever();
        classification.Property(c => c.Class).HasConversion<string>().HasMaxLength(20);
    }
}
