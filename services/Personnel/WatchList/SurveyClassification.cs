using PartyPlatform.Contracts.Surveys;

namespace PartyPlatform.Personnel.WatchList;

/// <summary>
/// The newest version of a Surveys classification Personnel has applied to the watch list, so that an older
/// version delivered late (a 后进 after the 中间 that replaced it) changes nothing.
/// </summary>
public sealed class SurveyClassification
{
    private SurveyClassification()
    {
    }

    public Guid ClassificationId { get; private set; }

    public Guid UnitId { get; private set; }

    public OrganizationClass Class { get; private set; }

    public long Version { get; private set; }

    public static SurveyClassification From(OrganizationClassified fact) =>
        new() { ClassificationId = fact.ClassificationId, UnitId = fact.UnitId, Class = fact.Class, Version = fact.Version };

    /// <summary>Takes the fact unless this one holds its version or a newer one.</summary>
    public bool Apply(OrganizationClassified fact)
    {
        if (fact.Version <= Version)
        {
            return false;
        }

        (UnitId, Class, Version) = (fact.UnitId, fact.Class, fact.Version);
        return true;
    }
}
