namespace PartyPlatform.Contracts.Surveys;

/// <summary>What people raised in the ledger (台账): a problem to rectify, or a suggestion.</summary>
public enum ProblemKind
{
    Problem,
    Suggestion,
}
