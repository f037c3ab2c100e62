using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Problems;

namespace PartyPlatform.Surveys.Data;

public sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> problem)
    {
        problem.ToTable("problems");
        problem.HasKey(p => p.Id);
        problem.Property(p => p.Id).ValueGeneratedNever();
        problem.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId);
        // The widespread rule counts by campaign, county and category; the recurrence rule by organisation and category.
        problem.HasIndex(p => new { p.CampaignId, p.CountyId, p.Category });
        problem.HasIndex(p => new { p.OrganizationId, p.Category });
        problem.HasIndex(p => new { p.CampaignId, p.UnitId });
        // The overdue watch looks for open rectifications not yet marked.
        problem.HasIndex(p => p.Deadline).HasFilter("overdue_at IS NULL AND stage IN ('Assigned', 'InProgress')");
        problem.Property(p => p.OrganizationCode).HasMaxLength(32);
        problem.Property(p => p.OrganizationName).HasMaxLength(150);
        problem.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        problem.Property(p => p.Category).HasMaxLength(LedgerCategory.MaxCodeLength);
        problem.Property(p => p.Said).HasMaxLength(Problem.MaxSaidLength);
        problem.Property(p => p.RaisedBy).HasMaxLength(100);
        problem.Property(p => p.ComputedSpread).HasConversion<string>().HasMaxLength(20);
        problem.Property(p => p.SpreadOverride).HasConversion<string>().HasMaxLength(20);
        problem.Property(p => p.SpreadOverrideReason).HasMaxLength(Problem.MaxReasonLength);
        problem.Property(p => p.SpreadOverriddenBy).HasMaxLength(100);
        problem.Property(p => p.Recurrence).HasConversion<string>().HasMaxLength(20);
        problem.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
        problem.Property(p => p.Answer).HasMaxLength(Problem.MaxAnswerLength);
        problem.Ignore(p => p.Spread);
        problem.Ignore(p => p.Overdue);
        problem.Ignore(p => p.IsNew);
        problem.Property(p => p.Version).IsConcurrencyToken();
    }
}
