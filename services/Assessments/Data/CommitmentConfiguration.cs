using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Assessments.Commitments;

namespace PartyPlatform.Assessments.Data;

public sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> commitment)
    {
        commitment.ToTable("commitments");
        commitment.HasKey(c => c.Id);
        commitment.HasIndex(c => new { c.UnitId, c.DueOn });
        commitment.Property(c => c.Kind).HasConversion<string>().HasMaxLength(40);
        // The step stays a number: the overdue list compares it in SQL.
        commitment.Property(c => c.Rating).HasConversion<string>().HasMaxLength(20);
        commitment.Property(c => c.Content).HasMaxLength(Commitment.MaxContentLength);
        commitment.Property(c => c.Comment).HasMaxLength(Commitment.MaxCommentLength);
        commitment.Property(c => c.MadeBy).HasMaxLength(200);
        commitment.Property(c => c.EvaluatedBy).HasMaxLength(200);
        commitment.Property(c => c.Version).IsConcurrencyToken();
    }
}
