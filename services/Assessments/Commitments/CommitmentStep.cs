namespace PartyPlatform.Assessments.Commitments;

/// <summary>亮诺 (made), 践诺 (kept: progress reported), 评诺 (evaluated, which closes it).</summary>
public enum CommitmentStep
{
    Made = 1,
    Kept = 2,
    Evaluated = 3,
}
