using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Personnel.Management;

/// <param name="PeriodStart">The day, or the period's first day.</param>
/// <param name="PeriodEnd">The period's last day; omitted for a day.</param>
/// <param name="Outcome">The assessment, the reward or the sanction; required but for a target.</param>
public sealed record RecordManagementRequest(
    [property: Required] ManagementRecordKind? Kind,
    [property: Required] DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    [property: Required, StringLength(ManagementRecordLimits.Description, MinimumLength = 1)] string? Description,
    [property: StringLength(ManagementRecordLimits.Outcome)] string? Outcome)
{
    public ManagementRecordDetails ToDetails() =>
        new(Kind!.Value, PeriodStart!.Value, PeriodEnd ?? PeriodStart!.Value, Description!.Trim(), string.IsNullOrWhiteSpace(Outcome) ? null : Outcome.Trim());
}
