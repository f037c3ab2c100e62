using System.ComponentModel.DataAnnotations;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Surveys;

namespace PartyPlatform.Surveys.Classification;

/// <param name="UnitId">Classify the organisations under this unit of the caller's; all of the caller's when left out.</param>
public sealed record ClassifyRequest(Guid? UnitId);

public sealed record OverrideClassificationRequest(
    [property: Required] OrganizationClass? Class,
    [property: Required, StringLength(OrganizationClassification.MaxReasonLength, MinimumLength = 1)] string? Reason);

public sealed record ClassificationResponse(
    Guid OrganizationId,
    string Code,
    PartyOrganizationKind Kind,
    Guid UnitId,
    OrganizationClass Class,
    string Reason,
    OrganizationClass RuledClass,
    string RuledReason,
    bool Overridden,
    string? OverriddenBy,
    long Version,
    DateTimeOffset UpdatedAt)
{
    public static ClassificationResponse From(OrganizationClassification c) => new(
        c.OrganizationId, c.OrganizationCode, c.Kind, c.UnitId, c.Class, c.Reason, c.RuledClass, c.RuledReason, c.OverrideClass is not null, c.OverriddenBy,
        c.Version, c.UpdatedAt);
}

/// <summary>What a run of the rule found: organisations per class, and how many changed (and were published).</summary>
public sealed record ClassifyResult(int Good, int Middling, int Backward, int Changed);
