using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Personnel.GraduateOfficials;
using PartyPlatform.Personnel.People;
using PartyPlatform.Personnel.Posts;

namespace PartyPlatform.Personnel.Data;

public sealed class GraduateOfficialConfiguration : IEntityTypeConfiguration<GraduateOfficial>
{
    public void Configure(EntityTypeBuilder<GraduateOfficial> official)
    {
        official.ToTable("graduate_officials");
        official.HasKey(o => o.Id);
        official.Property(o => o.Id).ValueGeneratedNever();
        // One running record per person: a second hire waits for the exit of the first.
        official.HasIndex(o => o.PersonId).IsUnique().HasFilter("exit_path IS NULL");
        official.HasIndex(o => new { o.UnitId, o.TermEnds });
        official.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Restrict);
        official.HasOne<Post>().WithMany().HasForeignKey(o => o.PostId).OnDelete(DeleteBehavior.Restrict);
        official.Property(o => o.ExitPath).HasConversion<string>().HasMaxLength(30);
        official.Property(o => o.ExitNote).HasMaxLength(GraduateOfficialLimits.ExitNote);
        official.Property(o => o.Version).IsConcurrencyToken();
        official.OwnsMany(o => o.Terms, term =>
        {
            term.ToTable("graduate_official_terms");
            term.WithOwner().HasForeignKey("OfficialId");
            term.HasKey("OfficialId", nameof(ContractTerm.Number));
            term.Property(t => t.Number).ValueGeneratedNever();
        });
        official.Navigation(o => o.Terms).HasField("terms").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
