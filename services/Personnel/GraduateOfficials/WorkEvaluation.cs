namespace PartyPlatform.Personnel.GraduateOfficials;

/// <summary>The evaluation of an official's work report. Names travel in the API.</summary>
public enum WorkEvaluation
{
    /// <summary>优秀.</summary>
    Excellent,

    /// <summary>称职.</summary>
    Competent,

    /// <summary>基本称职.</summary>
    BasicallyCompetent,

    /// <summary>不称职.</summary>
    Incompetent,
}
