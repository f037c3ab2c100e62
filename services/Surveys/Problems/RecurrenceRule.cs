using PartyPlatform.Contracts.Surveys;

namespace PartyPlatform.Surveys.Problems;

/// <summary>偶发/反复: recurring when the same organisation raised the same category in another campaign, on an earlier day.</summary>
public static class RecurrenceRule
{
    /// <param name="raised">The problem: its campaign and the day it was raised.</param>
    /// <param name="sameOrganizationAndCategory">Every problem of the same organisation and category, in any campaign.</param>
    public static ProblemRecurrence Of((Guid Campaign, DateOnly RaisedOn) raised, IEnumerable<(Guid Campaign, DateOnly RaisedOn)> sameOrganizationAndCategory) =>
        sameOrganizationAndCategory.Any(p => p.Campaign != raised.Campaign && p.RaisedOn < raised.RaisedOn)
            ? ProblemRecurrence.Recurring
            : ProblemRecurrence.Occasional;
}
