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
}
