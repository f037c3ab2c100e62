using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Dashboard.Surveys;

namespace PartyPlatform.Dashboard.Data;

public sealed class ProblemRecordConfiguration : IEntityTypeConfiguration<ProblemRecord>
{
    public void Configure(EntityTypeBuilder<ProblemRecord> problem)
    {
        problem.ToTable("survey_problems");
        problem.HasKey(p => p.ProblemId);
        problem.Property(p => p.ProblemId).ValueGeneratedNever();
        problem.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        problem.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
        problem.HasIndex(p => new { p.CampaignId, p.UnitId });
    }
}
