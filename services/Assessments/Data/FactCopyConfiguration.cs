using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Assessments.Facts;
using PartyPlatform.Contracts;

namespace PartyPlatform.Assessments.Data;

/// <summary>A copy of one kind of fact, its fields as columns of <paramref name="table"/>.</summary>
public sealed class FactCopyConfiguration<TFact>(string table) : IEntityTypeConfiguration<FactCopy<TFact>>
    where TFact : class, IVersionedEvent
{
    public void Configure(EntityTypeBuilder<FactCopy<TFact>> copy)
    {
        copy.ToTable(table);
        copy.HasKey(c => c.Id);
        // Ids come from the publishing service; never generated here.
        copy.Property(c => c.Id).ValueGeneratedNever();
        copy.ComplexProperty(c => c.Fact, fact => fact.AsUtc());
    }
}

internal static class FactColumns
{
    /// <summary>PostgreSQL keeps instants in UTC only; a publisher's offset is not part of the fact.</summary>
    public static void AsUtc<TFact>(this ComplexPropertyBuilder<TFact> fact) where TFact : notnull =>
        fact.Property<DateTimeOffset>("OccurredAt").HasConversion(at => at.ToUniversalTime(), at => at);
}
