using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Assessments.CountyScoring;

namespace PartyPlatform.Assessments.Data;

public sealed class CountyScoreConfiguration : IEntityTypeConfiguration<CountyScore>
{
    public void Configure(EntityTypeBuilder<CountyScore> score)
    {
        score.ToTable("county_scores");
        score.HasKey(s => s.Id);
        score.HasIndex(s => new { s.AssessmentId, s.CountyId }).IsUnique();
        score.HasIndex(s => new { s.Year, s.CountyId });
        score.Property(s => s.CountyName).HasMaxLength(100);
        score.Property(s => s.Total).HasPrecision(7, 2);
        // The explanation is read and published whole, never queried into: kept as the event's JSON.
        AsJson(score.Property(s => s.Indicators));
        AsJson(score.Property(s => s.Deductions));
        // Two computations at once (the watch and a write): the second one's save fails instead of publishing twice.
        score.Property(s => s.Version).IsConcurrencyToken();
        score.HasOne<CountyAssessment>().WithMany().HasForeignKey(s => s.AssessmentId);
    }

    private static void AsJson<T>(PropertyBuilder<IReadOnlyList<T>> list) =>
        list.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => JsonSerializer.Deserialize<List<T>>(v, JsonSerializerOptions.Web)!,
            new ValueComparer<IReadOnlyList<T>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
}
