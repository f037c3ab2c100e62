using PartyPlatform.Contracts;
using PartyPlatform.Messaging;

namespace PartyPlatform.Assessments.Facts;

/// <summary>
/// Assessments' copy of one entity another service publishes (a venue, a unit's coverage, a post…), kept as its
/// newest event arrived: scores, exclusions and deductions are derived from these copies, and each names the
/// fact it came from by <see cref="Id"/>.
/// </summary>
public sealed class FactCopy<TFact> : IVersionedCopy<FactCopy<TFact>, TFact>
    where TFact : class, IVersionedEvent
{
    private FactCopy()
    {
    }

    public Guid Id { get; private set; }

    public long Version { get; private set; }

    public TFact Fact { get; private set; } = null!;

    Guid IVersionedCopy<FactCopy<TFact>, TFact>.EntityId => Id;

    public static FactCopy<TFact> From(TFact change) => new() { Id = change.EntityId, Version = change.Version, Fact = change };

    public bool Apply(TFact change)
    {
        if (change.Version <= Version)
        {
            return false;
        }

        Version = change.Version;
        Fact = change;
        return true;
    }
}
