namespace PartyPlatform.Messaging.Tests.Faults;

/// <summary>
/// The fault tests start and kill whole processes (a broker node, relays, consumers): one at a time,
/// after the other tests, so that on two cores they starve neither those tests nor each other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultCollection
{
    public const string Name = "Faults";
}
