using MassTransit;
using PartyPlatform.Messaging;

namespace PartyPlatform.Surveys.Consumers;

public static class SurveysConsumers
{
    /// <summary>The tree copy, and the replay queue other services send to; each consumer names its own queue.</summary>
    public static void AddSurveysConsumers(this IBusRegistrationConfigurator bus, IConfiguration configuration)
    {
        bus.AddBatchConsumer<AdministrativeUnitChangedConsumer>(configuration);
        bus.AddBatchConsumer<PartyOrganizationChangedConsumer>(configuration);
        bus.AddInboxConsumer<SurveysFactsReplayRequestedConsumer>();
    }
}
