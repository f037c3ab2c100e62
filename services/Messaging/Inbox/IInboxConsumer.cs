namespace PartyPlatform.Messaging.Inbox;

/// <summary>
/// A consumer whose effects go through the inbox. Its <see cref="Name"/> keys what it has applied
/// there and names its queue. It is written out, not taken from the class name, so that renaming
/// the class neither applies every remembered message again nor leaves its queue, and what waits in
/// it, behind.
/// </summary>
public interface IInboxConsumer
{
    /// <summary>Unique on the broker, as a queue name is: the service's name first (<c>dashboard-venue-state-changed</c>).</summary>
    static abstract string Name { get; }
}
