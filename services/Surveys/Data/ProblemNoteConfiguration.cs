using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Surveys.Problems;

namespace PartyPlatform.Surveys.Data;

public sealed class ProblemNoteConfiguration : IEntityTypeConfiguration<ProblemNote>
{
    public void Configure(EntityTypeBuilder<ProblemNote> note)
    {
        note.ToTable("problem_notes");
        note.HasKey(n => n.Id);
        note.Property(n => n.Id).ValueGeneratedNever();
        note.HasOne<Problem>().WithMany().HasForeignKey(n => n.ProblemId);
        note.HasIndex(n => n.ProblemId);
        note.Property(n => n.Text).HasMaxLength(ProblemNote.MaxTextLength);
        note.Property(n => n.Author).HasMaxLength(100);
    }
}
