using PartyPlatform.Assessments.Secretaries;

namespace PartyPlatform.Assessments.SpecialReports;

/// <summary>A county a venue deadline fact requires a special report of, from which fact, and how far the report has come.</summary>
/// <param name="SpecialReportId">Null until the county submits it.</param>
public sealed record SpecialReportRequirement(
    Guid CountyId, string CountyName, string? CountyCode, Guid FactId, DateOnly Deadline, int Villages, int VillagesWithVenue, decimal CoveragePercent,
    string Reason, Guid? SpecialReportId, bool Submitted, DateTimeOffset? SubmittedAt, bool Evaluated, Rating? Rating);

public sealed record SpecialReportResponse(
    Guid Id, Guid FactId, Guid CountyId, DateOnly Deadline, string Text, string SubmittedBy, DateTimeOffset SubmittedAt, Rating? Rating, string? Comment,
    string? EvaluatedBy, DateTimeOffset? EvaluatedAt)
{
    public static SpecialReportResponse From(SpecialReport r) =>
        new(r.Id, r.FactId, r.CountyId, r.Deadline, r.Text, r.SubmittedBy, r.SubmittedAt, r.Rating, r.Comment, r.EvaluatedBy, r.EvaluatedAt);
}
