using PartyPlatform.Contracts;

namespace PartyPlatform.Messaging;

/// <summary>A service's copy of one entity of another service, kept from that entity's versioned events.</summary>
public interface IVersionedCopy<out TSelf, in TEvent>
    where TSelf : IVersionedCopy<TSelf, TEvent>
    where TEvent : IVersionedEvent
{
    Guid EntityId { get; }

    static abstract TSelf From(TEvent change);

    /// <summary>Applies the change unless this copy already holds that version or a newer one.</summary>
    bool Apply(TEvent change);
}
