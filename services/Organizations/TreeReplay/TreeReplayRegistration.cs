using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Organizations.TreeReplay;

public static class TreeReplayRegistration
{
    /// <summary>The consumer on the queue every copy of the tree sends to, whatever this service's queue naming.</summary>
    public static void AddTreeReplayConsumer(this IBusRegistrationConfigurator bus)
    {
        bus.TryAddSingleton<SharedTreeReplay>();
        bus.AddConsumer<TreeReplayRequestedConsumer>().Endpoint(endpoint => endpoint.Name = TreeReplayRequested.Queue);
    }
}
