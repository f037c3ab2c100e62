using MassTransit;
using PartyPlatform.Messaging;

namespace PartyPlatform.Venues.Consumers;

public static class VenuesConsumers
{
    /// <summary>The tree copy, and the replay queue other services send to; each consumer names its own queue.</summary>
    public static void AddVenuesConsumers(this IBusRegistrationConfigurator bus, IConfiguration configuration)
    {
        bus.AddBatchConsumer<AdministrativeUnitChangedConsumer>(configuration);
        bus.AddInboxConsumer<VenueFactsReplayRequestedConsumer>();
    }
}
