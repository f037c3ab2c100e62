using Microsoft.EntityFrameworkCore;

namespace PartyPlatform.Auditing;

public static class AuditModel
{
    public static ModelBuilder AddAuditLog(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("audit_entries");
            audit.HasKey(a => a.Id);
            audit.Property(a => a.Actor).HasMaxLength(200);
            audit.Property(a => a.Client).HasMaxLength(200);
            audit.Property(a => a.ActorUnit).HasMaxLength(12);
            audit.Property(a => a.Operation).HasMaxLength(300);
            audit.Property(a => a.EntityType).HasMaxLength(100);
            audit.Property(a => a.EntityId).HasMaxLength(200);
            audit.Property(a => a.Action).HasMaxLength(20);
            audit.Property(a => a.Changes).HasColumnType("jsonb");
            audit.HasIndex(a => a.OccurredAt);
            audit.HasIndex(a => new { a.EntityType, a.EntityId });
            audit.HasIndex(a => a.Actor);
            audit.HasIndex(a => a.Client);
            audit.HasIndex(a => a.ActorUnit);
        });
        return modelBuilder;
    }
}
