namespace PartyPlatform.Personnel.Management;

public sealed record ManagementRecordResponse(
    Guid Id, Guid PostId, ManagementRecordKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, string Description, string? Outcome, DateTimeOffset RecordedAt)
{
    public static ManagementRecordResponse From(ManagementRecord record) =>
        new(record.Id, record.PostId, record.Kind, record.PeriodStart, record.PeriodEnd, record.Description, record.Outcome, record.RecordedAt);
}
