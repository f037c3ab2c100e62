namespace PartyPlatform.Messaging.Outbox;

/// <summary>
/// An entity that other services copy from its events. Every move of <see cref="Version"/> must be
/// announced by an event carrying that version (an <see cref="Contracts.IVersionedEvent"/> for
/// <see cref="Id"/>) in the same SaveChanges: <see cref="PublishedVersionCheck"/> refuses the save otherwise.
/// </summary>
public interface IPublishedEntity
{
    Guid Id { get; }

    long Version { get; }

    /// <summary>
    /// Whether other services copy this entity at all. An entity type of which only some are published (Personnel's
    /// people: the wealth leaders) says no for the others, whose versions move without an event.
    /// </summary>
    bool IsPublished => true;
}
