using PartyPlatform.Contracts.Venues;
using PartyPlatform.Spreadsheets;

namespace PartyPlatform.Venues.Ledger;

/// <summary>The ledger's columns, in the order an export writes them; an import matches headers case-insensitively, in any order (<see cref="SheetColumns"/>).</summary>
public static class LedgerColumns
{
    public const string VillageCode = "villageCode";
    public const string VillageName = "villageName";
    public const string Kind = "kind";
    public const string FloorArea = "floorArea";
    public const string Functions = "functions";
    public const string Rooms = "rooms";
    public const string State = "state";
    public const string PlannedOn = "plannedOn";
    public const string StartedOn = "startedOn";
    public const string CompletedOn = "completedOn";
    public const string AcceptedOn = "acceptedOn";
    public const string InUseOn = "inUseOn";
    public const string Note = "note";

    /// <summary>The day a venue reached each state, in the states' order.</summary>
    public static readonly string[] Dates = [PlannedOn, StartedOn, CompletedOn, AcceptedOn, InUseOn];

    public static readonly string[] All = [VillageCode, VillageName, Kind, FloorArea, Functions, Rooms, State, .. Dates, Note];

    /// <summary>
    /// The columns, every one required but the village's name (for people; the code decides) and the note:
    /// a column left out would otherwise read as empty and wipe what a venue has, e.g. all its functions.
    /// </summary>
    public static readonly SheetColumns Sheet = new(All, [VillageCode, Kind, FloorArea, Functions, Rooms, State, .. Dates]);

    public static string DateOf(VenueState state) => state switch
    {
        VenueState.Planned => PlannedOn,
        VenueState.UnderConstruction => StartedOn,
        VenueState.Completed => CompletedOn,
        VenueState.Accepted => AcceptedOn,
        VenueState.InUse => InUseOn,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
