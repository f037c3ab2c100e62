using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartyPlatform.Messaging;

namespace PartyPlatform.Organizations.TreeReplay;

public static class TreeReplayRegistration
{
    /// <summary>The consumer on the queue every copy of the tree sends to (<see cref="TreeReplayRequestedConsumer.Name"/>).</summary>
    public static void AddTreeReplayConsumer(this IBusRegistrationConfigurator bus)
    {
        bus.TryAddSingleton<SharedTreeReplay>();
        bus.AddInboxConsumer<TreeReplayRequestedConsumer>();
    }
}
