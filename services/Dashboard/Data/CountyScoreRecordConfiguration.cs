using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Dashboard.Assessments;

namespace PartyPlatform.Dashboard.Data;

public sealed class CountyScoreRecordConfiguration : IEntityTypeConfiguration<CountyScoreRecord>
{
    public void Configure(EntityTypeBuilder<CountyScoreRecord> score)
    {
        score.ToTable("county_scores");
        score.HasKey(s => s.ScoreId);
        score.Property(s => s.ScoreId).ValueGeneratedNever();
        score.Property(s => s.CountyName).HasMaxLength(100);
        score.Property(s => s.Total).HasPrecision(7, 2);
        score.Property(s => s.Deducted).HasPrecision(7, 2);
        score.HasIndex(s => new { s.Year, s.Rank });
    }
}
