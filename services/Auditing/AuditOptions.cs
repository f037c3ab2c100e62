namespace PartyPlatform.Auditing;

public sealed class AuditOptions
{
    /// <summary>Entity types that are bookkeeping rather than data (outbox and inbox rows, history already kept, keys).</summary>
    public HashSet<Type> Ignored { get; } = [];

    /// <summary>Properties whose values never enter the audit (a password hash, a client secret): only that they changed.</summary>
    public HashSet<string> Redacted { get; } = [];

    public AuditOptions Ignore(params Type[] entityTypes)
    {
        Ignored.UnionWith(entityTypes);
        return this;
    }

    public AuditOptions Redact(params string[] propertyNames)
    {
        Redacted.UnionWith(propertyNames);
        return this;
    }
}
