using System.ComponentModel.DataAnnotations;
using System.Globalization;
using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Personnel.GraduateOfficials;

/// <param name="TermEnds">The last day of the first contract term, which starts on <paramref name="HiredOn"/>.</param>
public sealed record HireGraduateOfficialRequest(
    [property: Required] Guid? PersonId,
    [property: Required] Guid? UnitId,
    [property: Required] DateOnly? HiredOn,
    [property: Required] DateOnly? TermEnds);

/// <param name="TermEnds">The last day of the next term, which starts the day after the current one ends.</param>
public sealed record RenewTermRequest([property: Required] DateOnly? TermEnds);

/// <param name="On">The first day out of post; a day ahead arranges the exit.</param>
public sealed record RecordExitRequest(
    [property: Required] GraduateOfficialExitPath? Path,
    [property: Required] DateOnly? On,
    [property: StringLength(GraduateOfficialLimits.ExitNote)] string? Note);

/// <param name="Activity">The code of one of the configured 七个一 activities.</param>
public sealed record RecordActivityRequest(
    [property: Required, StringLength(GraduateOfficialLimits.ActivityCode, MinimumLength = 1)] string? Activity,
    [property: Required] DateOnly? DoneOn,
    [property: StringLength(GraduateOfficialLimits.ActivityNote)] string? Note);

/// <param name="Month">The month, as yyyy-MM.</param>
public sealed record RecordAttendanceRequest(
    [property: Required, RegularExpression(RecordAttendanceRequest.MonthPattern)] string? Month,
    [property: Required, Range(0, 31)] int? DaysPresent,
    [property: Required, Range(1, 31)] int? DaysRequired)
{
    public const string MonthPattern = @"^[1-9][0-9]{3}-(0[1-9]|1[0-2])$";

    // A method, not a property: request validation reads every property, before Month is known to be there.
    public DateOnly FirstDay() => DateOnly.ParseExact(Month! + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record SubmitWorkReportRequest(
    [property: Required] DateOnly? ReportedOn,
    [property: Required, StringLength(GraduateOfficialLimits.ReportSummary, MinimumLength = 1)] string? Summary,
    [property: Required] WorkEvaluation? Evaluation);
