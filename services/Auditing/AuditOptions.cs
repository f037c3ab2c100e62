namespace PartyPlatform.Auditing;

public sealed class AuditOptions
{
    /// <summary>
    /// Entity types that are bookkeeping rather than data (history already kept, keys). Outbox and
    /// inbox rows never are: they record changes the audit records already.
    /// </summary>
    public HashSet<Type> Ignored { get; } = [typeof(Messaging.Outbox.OutboxMessage), typeof(Messaging.Inbox.InboxMessage)];

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
