namespace PartyPlatform.Personnel.Management;

/// <summary>What a management record of a village secretary is about. Public commitments (亮诺践诺评诺) are Assessments'.</summary>
public enum ManagementRecordKind
{
    /// <summary>目标考核: the targets set for a period, and how they were assessed.</summary>
    Target,

    /// <summary>绩效考核: the performance over a period that is over.</summary>
    Performance,

    /// <summary>激励表彰: a reward or commendation.</summary>
    Reward,

    /// <summary>过错追究: accountability for a fault.</summary>
    Fault,
}
