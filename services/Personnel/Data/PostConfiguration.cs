using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Personnel.Posts;

namespace PartyPlatform.Personnel.Data;

public sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> post)
    {
        post.ToTable("posts");
        post.HasKey(p => p.Id);
        post.Property(p => p.Id).ValueGeneratedNever();
        post.HasIndex(p => new { p.UnitId, p.Kind });
        post.HasIndex(p => p.PersonId);
        post.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        post.Property(p => p.EndReason).HasMaxLength(PostLimits.EndReason);
        post.Property(p => p.Version).IsConcurrencyToken();
    }
}
