namespace PartyPlatform.Contracts.Personnel;

/// <summary>The way out a college-graduate village official takes (五条出路). Names travel in the API and in events.</summary>
public enum GraduateOfficialExitPath
{
    /// <summary>留村任职: stays on as a village cadre.</summary>
    StayAsVillageCadre,

    /// <summary>考录公务员: enters the civil service.</summary>
    CivilService,

    /// <summary>自主创业: starts an own business.</summary>
    OwnBusiness,

    /// <summary>另行择业: other employment (public institutions, enterprises).</summary>
    OtherEmployment,

    /// <summary>继续学习深造: further study.</summary>
    FurtherStudy,
}
