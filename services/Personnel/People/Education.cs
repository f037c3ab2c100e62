namespace PartyPlatform.Personnel.People;

/// <summary>Highest education completed, in the bands the village-secretary profile counts.</summary>
public enum Education
{
    /// <summary>小学及以下.</summary>
    PrimaryOrBelow,

    /// <summary>初中.</summary>
    JuniorSecondary,

    /// <summary>高中、中专.</summary>
    SeniorSecondary,

    /// <summary>大专.</summary>
    JuniorCollege,

    /// <summary>本科.</summary>
    Bachelor,

    /// <summary>研究生.</summary>
    Postgraduate,
}
