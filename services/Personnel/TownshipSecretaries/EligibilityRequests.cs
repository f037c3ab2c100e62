using System.ComponentModel.DataAnnotations;
using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Personnel.TownshipSecretaries;

public sealed record RaiseFlagRequest(
    [property: Required] EligibilityKind? Kind,
    [property: Required, StringLength(TownshipSecretaryLimits.Reason, MinimumLength = 1)] string? Reason);

public sealed record LiftFlagRequest(
    [property: Required, StringLength(TownshipSecretaryLimits.Reason, MinimumLength = 1)] string? Reason);
