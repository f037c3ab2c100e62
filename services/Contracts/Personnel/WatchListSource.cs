namespace PartyPlatform.Contracts.Personnel;

/// <summary>Who put a village on the watch list: each entry is kept with its source.</summary>
public enum WatchListSource
{
    /// <summary>Flagged by hand in Personnel, with its reason.</summary>
    Hand,

    /// <summary>Surveys classified the village 后进.</summary>
    Surveys,

    /// <summary>Assessments graded the village 较差.</summary>
    Assessments,
}
