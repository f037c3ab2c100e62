using MassTransit;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging;

namespace PartyPlatform.Venues.Consumers;

public static class VenuesConsumers
{
    /// <summary>The tree copy, and the replay queue other services send to whatever this service's queue naming.</summary>
    public static void AddVenuesConsumers(this IBusRegistrationConfigurator bus, IConfiguration configuration)
    {
        bus.AddBatchConsumer<AdministrativeUnitChangedConsumer>(configuration);
        bus.AddConsumer<VenueFactsReplayRequestedConsumer>().Endpoint(endpoint => endpoint.Name = VenueFactsReplayRequested.Queue);
    }
}
