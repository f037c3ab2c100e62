using MassTransit;
using PartyPlatform.Messaging;

namespace PartyPlatform.Personnel.Consumers;

public static class PersonnelConsumers
{
    /// <summary>The tree copy, the facts of other services Personnel reacts to, and the replay queue other services send to; each consumer names its own queue.</summary>
    public static void AddPersonnelConsumers(this IBusRegistrationConfigurator bus, IConfiguration configuration)
    {
        bus.AddBatchConsumer<AdministrativeUnitChangedConsumer>(configuration);
        bus.AddInboxConsumer<VenueDeadlineMissedConsumer>();
        bus.AddInboxConsumer<OrganizationClassifiedConsumer>();
        bus.AddInboxConsumer<OrganizationGradedConsumer>();
        bus.AddInboxConsumer<PersonnelFactsReplayRequestedConsumer>();
    }
}
