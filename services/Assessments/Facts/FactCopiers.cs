using PartyPlatform.Assessments.Data;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Assessments.Facts;

/// <summary>Each village's venue: a village counts as having one from <c>Accepted</c> on.</summary>
public sealed class VenueCopier(AssessmentsDb db) : FactCopier<VenueChanged, VenueCopier>(db), IInboxConsumer
{
    public static string Name => "assessments-venue-changed";
}

/// <summary>Each township's, county's and the city's venue coverage.</summary>
public sealed class VenueCoverageCopier(AssessmentsDb db) : FactCopier<VenueCoverageChanged, VenueCoverageCopier>(db), IInboxConsumer
{
    public static string Name => "assessments-venue-coverage-changed";
}

/// <summary>Surveys' classification of each organisation (好/中间/后进) per campaign.</summary>
public sealed class ClassificationCopier(AssessmentsDb db) : FactCopier<OrganizationClassified, ClassificationCopier>(db), IInboxConsumer
{
    public static string Name => "assessments-organization-classified";
}

/// <summary>Personnel's terms in post: whose report and commitments a secretary's are.</summary>
public sealed class PostCopier(AssessmentsDb db) : FactCopier<PostChanged, PostCopier>(db), IInboxConsumer
{
    public static string Name => "assessments-post-changed";
}

/// <summary>Personnel's bars on a township secretary's awards, which exclude the township.</summary>
public sealed class EligibilityFlagCopier(AssessmentsDb db) : FactCopier<EligibilityFlagChanged, EligibilityFlagCopier>(db), IInboxConsumer
{
    public static string Name => "assessments-eligibility-flag-changed";
}

/// <summary>Personnel's wealth leaders, the candidates for the 1,000 Party-member wealth leaders.</summary>
public sealed class WealthLeaderCopier(AssessmentsDb db) : FactCopier<WealthLeaderChanged, WealthLeaderCopier>(db), IInboxConsumer
{
    public static string Name => "assessments-wealth-leader-changed";
}
