using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Evaluations;

namespace PartyPlatform.Surveys.Data;

public sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> evaluation)
    {
        evaluation.ToTable("evaluations");
        evaluation.HasKey(e => e.Id);
        evaluation.Property(e => e.Id).ValueGeneratedNever();
        evaluation.HasOne<Campaign>().WithMany().HasForeignKey(e => e.CampaignId);
        evaluation.HasIndex(e => new { e.CampaignId, e.OrganizationId });
        evaluation.Property(e => e.OfOrganization).HasConversion<string>().HasMaxLength(20);
        evaluation.Property(e => e.OfMembers).HasConversion<string>().HasMaxLength(20);
        evaluation.Property(e => e.Comment).HasMaxLength(Evaluation.MaxCommentLength);
    }
}
