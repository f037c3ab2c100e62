namespace PartyPlatform.Auditing;

/// <summary>
/// One changed entity of one write: who (through which client, from which administrative unit), when, through which
/// operation, and each changed value before and after. Written in the transaction of the change.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; }

    public required string Actor { get; init; }

    /// <summary>The client the write came through: the web page for a person, the system itself for a county system.</summary>
    public string? Client { get; init; }

    public string? ActorUnit { get; init; }

    public required string Operation { get; init; }

    public required string EntityType { get; init; }

    public required string EntityId { get; init; }

    public required string Action { get; init; }

    /// <summary>JSON object: property name → { "before": …, "after": … }.</summary>
    public required string Changes { get; init; }
}
