namespace PartyPlatform.Venues.Projects;

/// <summary>What a venue serves, as a multi-purpose Party-and-people service centre.</summary>
public enum VenueFunction
{
    DemocraticDeliberation,
    PartyActivity,
    ConvenienceServices,
    InformationServices,
    CultureAndRecreation,
}

/// <summary>The rooms a venue integrates (文化室、卫生室、计生室、警务室).</summary>
public enum IntegratedRoom
{
    CultureRoom,
    Clinic,
    FamilyPlanningRoom,
    PoliceRoom,
}
