namespace PartyPlatform.Personnel.People;

/// <summary>Where a village leader came from (section 三 of the notice).</summary>
public enum PersonSource
{
    /// <summary>致富带头人.</summary>
    WealthLeader,

    /// <summary>返乡农民工.</summary>
    ReturnedMigrantWorker,

    /// <summary>退伍军人.</summary>
    Veteran,

    /// <summary>大学生村官.</summary>
    CollegeGraduateOfficial,

    /// <summary>退休教师.</summary>
    RetiredTeacher,

    /// <summary>退休科级干部.</summary>
    RetiredSectionCadre,

    Other,
}
