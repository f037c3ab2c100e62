namespace PartyPlatform.Personnel.GraduateOfficials;

/// <summary>What the city may change about college-graduate officials (<c>Personnel:GraduateOfficials</c>).</summary>
public sealed class GraduateOfficialsOptions
{
    public const string Section = "Personnel:GraduateOfficials";

    /// <summary>Contract terms an official may serve: 任满两期不再续聘.</summary>
    public int MaxTerms { get; set; } = 2;

    /// <summary>Days ahead of a term's end from which an official with no exit arranged is an alert.</summary>
    public int AlertWindowDays { get; set; } = 90;

    /// <summary>The 七个一 activities, by code, in the order they are shown.</summary>
    public List<ActivityOption> Activities { get; set; } = [];

    /// <summary>Whether the city's settings make sense: checked at start, so a typo stops the service rather than a request.</summary>
    public bool IsValid() =>
        MaxTerms >= 1 && AlertWindowDays >= 0 && Activities.Count > 0
        && Activities.All(a => a.Code.Length is > 0 and <= GraduateOfficialLimits.ActivityCode && a.Name.Length > 0)
        && Activities.Select(a => a.Code).Distinct(StringComparer.Ordinal).Count() == Activities.Count;
}

public sealed class ActivityOption
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";
}
