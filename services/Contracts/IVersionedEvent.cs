namespace PartyPlatform.Contracts;

/// <summary>
/// An event about one entity. <see cref="Version"/> grows with every change of that entity, so a
/// consumer that has applied version N ignores anything at or below N, whatever the delivery order.
/// </summary>
public interface IVersionedEvent
{
    Guid EntityId { get; }

    long Version { get; }
}
