using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Personnel.GraduateOfficials;

/// <summary>One official in a list: the current term and the exit, without the records.</summary>
public sealed record GraduateOfficialSummary(
    Guid Id, Guid PersonId, string Name, Guid UnitId, DateOnly HiredOn, int TermNumber, DateOnly TermEnds,
    GraduateOfficialExitPath? ExitPath, DateOnly? ExitOn, long Version);

public sealed record ContractTermResponse(int Number, DateOnly Start, DateOnly End);

public sealed record ExitResponse(GraduateOfficialExitPath Path, DateOnly On, string? Note);

/// <param name="DoneOn">Null while the activity is not done.</param>
public sealed record ActivityItem(string Code, string Name, DateOnly? DoneOn, string? Note);

/// <summary>The 七个一 activities: how many of the configured ones are done, and each with its day.</summary>
public sealed record ActivityProgress(int Done, int Total, IReadOnlyList<ActivityItem> Items);

/// <param name="Month">yyyy-MM.</param>
public sealed record AttendanceResponse(string Month, int DaysPresent, int DaysRequired);

public sealed record WorkReportResponse(Guid Id, DateOnly ReportedOn, string Summary, WorkEvaluation Evaluation);

/// <summary>One official whole: the terms, the exit, the 七个一 progress, attendance by month and the work reports.</summary>
public sealed record GraduateOfficialResponse(
    Guid Id, Guid PersonId, string Name, Guid UnitId, Guid PostId, DateOnly HiredOn,
    IReadOnlyList<ContractTermResponse> Terms, int TermNumber, DateOnly TermEnds, ExitResponse? Exit,
    ActivityProgress Activities, IReadOnlyList<AttendanceResponse> Attendance, IReadOnlyList<WorkReportResponse> Reports, long Version);

/// <param name="DaysLeft">Days from today to the term's last day; negative once it has passed.</param>
public sealed record GraduateOfficialAlert(Guid OfficialId, Guid PersonId, string Name, Guid UnitId, int TermNumber, DateOnly TermEnds, int DaysLeft);

public sealed record ExitCount(GraduateOfficialExitPath Path, int Count);

/// <summary>A county's officials serving on the day counted, and the exits of the year by path (every path listed).</summary>
/// <param name="ServingOn">The year's last day, or today for the current year.</param>
public sealed record CountyOutflow(Guid CountyId, string Name, string? Code, int Year, DateOnly ServingOn, int Serving, int Exits, IReadOnlyList<ExitCount> ExitsByPath);
