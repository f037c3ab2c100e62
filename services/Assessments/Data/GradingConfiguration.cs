using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Assessments.Gradings;
using PartyPlatform.Assessments.Rounds;

namespace PartyPlatform.Assessments.Data;

public sealed class GradingConfiguration : IEntityTypeConfiguration<Grading>
{
    public void Configure(EntityTypeBuilder<Grading> grading)
    {
        grading.ToTable("gradings");
        grading.HasKey(g => g.Id);
        grading.HasIndex(g => new { g.RoundId, g.OrganizationId }).IsUnique();
        grading.HasIndex(g => new { g.OrganizationId, g.Year });
        grading.Property(g => g.OrganizationCode).HasMaxLength(40);
        // Grade and step stay numbers here: queries compare them in order (better than last year, decided or later).
        grading.Property(g => g.Evidence).HasMaxLength(Grading.MaxEvidenceLength);
        grading.Property(g => g.Version).IsConcurrencyToken();
        grading.Ignore(g => g.IsResult);
        grading.OwnsMany(g => g.Scores, scores => scores.ToJson());
        grading.HasOne<RoundOrganization>().WithMany().HasForeignKey(g => new { g.RoundId, g.OrganizationId });
    }
}
