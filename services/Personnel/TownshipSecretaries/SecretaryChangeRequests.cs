using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Personnel.TownshipSecretaries;

/// <param name="IncomingPersonId">Who takes the post; omitted, the township stays vacant until a term begins.</param>
public sealed record FileSecretaryChangeRequest(
    [property: Required] Guid? TownshipId,
    Guid? IncomingPersonId,
    [property: Required] DateOnly? EffectiveOn,
    [property: Required, StringLength(TownshipSecretaryLimits.Reason, MinimumLength = 1)] string? Reason);

/// <param name="Reason">Why the city approves or rejects (审批意见).</param>
public sealed record DecideSecretaryChangeRequest(
    [property: Required, StringLength(TownshipSecretaryLimits.Reason, MinimumLength = 1)] string? Reason);

public sealed record SecretaryChangeResponse(
    Guid Id, Guid TownshipId, Guid OutgoingPostId, Guid? IncomingPersonId, DateOnly EffectiveOn, string Reason, DateOnly FiledOn,
    SecretaryChangeStatus Status, DateOnly? DecidedOn, string? Decision, DateOnly? TookEffectOn, Guid? IncomingPostId, long Version)
{
    public static SecretaryChangeResponse From(SecretaryChange change) => new(
        change.Id, change.TownshipId, change.OutgoingPostId, change.IncomingPersonId, change.EffectiveOn, change.Reason, change.FiledOn,
        change.Status, change.DecidedOn, change.Decision, change.TookEffectOn, change.IncomingPostId, change.Version);
}
