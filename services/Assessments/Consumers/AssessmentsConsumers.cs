using MassTransit;
using PartyPlatform.Messaging;

namespace PartyPlatform.Assessments.Consumers;

public static class AssessmentsConsumers
{
    /// <summary>The tree copy, and the replay queue other services send to; each consumer names its own queue.</summary>
    public static void AddAssessmentsConsumers(this IBusRegistrationConfigurator bus, IConfiguration configuration)
    {
        bus.AddBatchConsumer<AdministrativeUnitChangedConsumer>(configuration);
        bus.AddBatchConsumer<PartyOrganizationChangedConsumer>(configuration);
        bus.AddInboxConsumer<AssessmentsFactsReplayRequestedConsumer>();
    }
}
