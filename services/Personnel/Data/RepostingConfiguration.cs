using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Personnel.Merges;

namespace PartyPlatform.Personnel.Data;

public sealed class RepostingConfiguration : IEntityTypeConfiguration<Reposting>
{
    public void Configure(EntityTypeBuilder<Reposting> reposting)
    {
        reposting.ToTable("repostings");
        reposting.HasKey(r => r.Id);
        reposting.Property(r => r.Id).ValueGeneratedNever();
        reposting.HasIndex(r => r.SuccessorId);
        // A term ends by a merge once: a redelivered merge lists nobody twice.
        reposting.HasIndex(r => r.FormerPostId).IsUnique();
        reposting.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
    }
}
