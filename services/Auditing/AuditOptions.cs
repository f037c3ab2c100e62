namespace PartyPlatform.Auditing;

/// <summary>Entity types that are bookkeeping rather than data (outbox and inbox rows, history already kept).</summary>
public sealed class AuditOptions
{
    public HashSet<Type> Ignored { get; } = [];
}
