using MassTransit;
using PartyPlatform.Assessments.Facts;
using PartyPlatform.Messaging;

namespace PartyPlatform.Assessments.Consumers;

public static class AssessmentsConsumers
{
    /// <summary>The tree copy, the other services' facts that grades, scores and awards draw on, and the replay queue other services send to; each consumer names its own queue.</summary>
    public static void AddAssessmentsConsumers(this IBusRegistrationConfigurator bus, IConfiguration configuration)
    {
        bus.AddBatchConsumer<AdministrativeUnitChangedConsumer>(configuration);
        bus.AddBatchConsumer<PartyOrganizationChangedConsumer>(configuration);
        bus.AddInboxConsumer<AssessmentsFactsReplayRequestedConsumer>();
        bus.AddBatchConsumer<VenueCopier>(configuration);
        bus.AddBatchConsumer<VenueCoverageCopier>(configuration);
        bus.AddInboxConsumer<VenueDeadlineMissedConsumer>();
        bus.AddBatchConsumer<ClassificationCopier>(configuration);
        bus.AddBatchConsumer<PostCopier>(configuration);
        bus.AddBatchConsumer<EligibilityFlagCopier>(configuration);
        bus.AddBatchConsumer<WealthLeaderCopier>(configuration);
    }
}
