using System.ComponentModel.DataAnnotations;
using PartyPlatform.Contracts.Surveys;

namespace PartyPlatform.Surveys.Problems;

/// <param name="OrganizationCode">The organisation's stable code, as a county's file cites it; it must be in the campaign.</param>
/// <param name="Category">A category's code (GET /api/surveys/ledger/categories).</param>
/// <param name="RaisedOn">A day of the campaign's period.</param>
/// <param name="Said">What the people said.</param>
public sealed record RaiseProblemRequest(
    [property: Required, StringLength(32, MinimumLength = 1)] string? OrganizationCode,
    [property: Required] ProblemKind? Kind,
    [property: Required, StringLength(LedgerCategory.MaxCodeLength, MinimumLength = 1)] string? Category,
    [property: Required] DateOnly? RaisedOn,
    [property: Required, StringLength(Problem.MaxSaidLength, MinimumLength = 1)] string? Said);

/// <param name="Text">A cause analysis (原因分析), appended to those before.</param>
public sealed record WriteProblemNoteRequest([property: Required, StringLength(ProblemNote.MaxTextLength, MinimumLength = 1)] string? Text);

/// <param name="Reason">Why the rule's classification does not hold; kept with who set it and when.</param>
public sealed record OverrideSpreadRequest(
    [property: Required] ProblemSpread? Spread,
    [property: Required, StringLength(Problem.MaxReasonLength, MinimumLength = 1)] string? Reason);
