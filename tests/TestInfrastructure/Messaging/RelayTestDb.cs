using PartyPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace PartyPlatform.TestInfrastructure.Messaging;

/// <summary>A consumer's effect. Its own key, so that a second application would show as a second row.</summary>
public sealed class PingEffect
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PingId { get; init; }
}

public sealed class RelayTestDb(DbContextOptions<RelayTestDb> options) : DbContext(options)
{
    public DbSet<PingEffect> Effects => Set<PingEffect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PingEffect>().ToTable("ping_effects");
        modelBuilder.AddOutboxAndInbox();
    }

    public static RelayTestDb Open(string connectionString) =>
        new(new DbContextOptionsBuilder<RelayTestDb>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options);
}
