namespace PartyPlatform.TestInfrastructure.Authorization;

/// <summary>
/// Why an operator of another unit is refused a write, and so the status the README's scope rule
/// promises it (a viewer gets 403 from the write policy before any of these is looked at).
/// </summary>
public enum Refusal
{
    /// <summary>An id in the path names something outside the caller's unit: 404, exactly as a missing id.</summary>
    PathOutside,

    /// <summary>The body names a unit outside the caller's unit: 403.</summary>
    BodyOutside,

    /// <summary>Only the city's own accounts may: 403. The city administrator is the caller who succeeds.</summary>
    CityOnly,
}
