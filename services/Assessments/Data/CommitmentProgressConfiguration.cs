using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Assessments.Commitments;

namespace PartyPlatform.Assessments.Data;

public sealed class CommitmentProgressConfiguration : IEntityTypeConfiguration<CommitmentProgress>
{
    public void Configure(EntityTypeBuilder<CommitmentProgress> progress)
    {
        progress.ToTable("commitment_progress");
        progress.HasKey(p => p.Id);
        progress.HasIndex(p => p.CommitmentId);
        progress.Property(p => p.Note).HasMaxLength(CommitmentProgress.MaxNoteLength);
        progress.Property(p => p.Actor).HasMaxLength(200);
        progress.HasOne<Commitment>().WithMany().HasForeignKey(p => p.CommitmentId);
    }
}
