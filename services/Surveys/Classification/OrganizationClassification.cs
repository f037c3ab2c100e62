using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Surveys.Campaigns;

namespace PartyPlatform.Surveys.Classification;

/// <summary>
/// A campaign's classification of one organisation (好/中间/后进): what the rule found and why, and an override
/// with its reason that wins over the rule until it is set again. Published whole whenever it changes.
/// </summary>
public sealed class OrganizationClassification : IPublishedEntity
{
    public const int MaxReasonLength = 300;

    private OrganizationClassification()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid CampaignId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string OrganizationCode { get; private set; } = "";

    public PartyOrganizationKind Kind { get; private set; }

    public Guid UnitId { get; private set; }

    public OrganizationClass RuledClass { get; private set; }

    public string RuledReason { get; private set; } = "";

    public OrganizationClass? OverrideClass { get; private set; }

    public string? OverrideReason { get; private set; }

    public string? OverriddenBy { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public OrganizationClass Class => OverrideClass ?? RuledClass;

    public string Reason => OverrideReason ?? RuledReason;

    public static OrganizationClassification For(CampaignOrganization organization) => new()
    {
        CampaignId = organization.CampaignId, OrganizationId = organization.OrganizationId, OrganizationCode = organization.OrganizationCode,
        Kind = organization.Kind, UnitId = organization.UnitId,
    };

    /// <summary>What the rule found now; false when nothing the event carries moved.</summary>
    public bool Ruled(OrganizationClass ruled, string reason, DateTimeOffset now)
    {
        if (Version > 0 && ruled == RuledClass && reason == RuledReason)
        {
            return false;
        }

        var before = (Class, Reason);
        (RuledClass, RuledReason) = (ruled, reason);
        if (Version > 0 && before == (Class, Reason))
        {
            return false; // the override still decides: nothing others see has moved
        }

        Touch(now);
        return true;
    }

    public void Override(OrganizationClass overrideClass, string reason, string actor, DateTimeOffset now)
    {
        (OverrideClass, OverrideReason, OverriddenBy) = (overrideClass, reason, actor);
        Touch(now);
    }

    public OrganizationClassified ToEvent() =>
        new(Id, Version, CampaignId, OrganizationId, OrganizationCode, Kind, UnitId, Class, OverrideClass is not null, Reason, UpdatedAt);

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
