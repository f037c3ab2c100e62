using System.Globalization;
using MiniExcelLibs.Attributes;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Venues.Projects;

namespace PartyPlatform.Venues.Ledger;

/// <summary>
/// One line of a ledger file as text, a blank cell as null: what a reader hands to
/// <see cref="LedgerRow.Parse"/> and what an export writes (the property order is the column order).
/// </summary>
public sealed record LedgerRecord(
    [property: ExcelColumnName(LedgerColumns.VillageCode)] string? VillageCode,
    [property: ExcelColumnName(LedgerColumns.VillageName)] string? VillageName,
    [property: ExcelColumnName(LedgerColumns.Kind)] string? Kind,
    [property: ExcelColumnName(LedgerColumns.FloorArea)] string? FloorArea,
    [property: ExcelColumnName(LedgerColumns.Functions)] string? Functions,
    [property: ExcelColumnName(LedgerColumns.Rooms)] string? Rooms,
    [property: ExcelColumnName(LedgerColumns.State)] string? State,
    [property: ExcelColumnName(LedgerColumns.PlannedOn)] string? PlannedOn,
    [property: ExcelColumnName(LedgerColumns.StartedOn)] string? StartedOn,
    [property: ExcelColumnName(LedgerColumns.CompletedOn)] string? CompletedOn,
    [property: ExcelColumnName(LedgerColumns.AcceptedOn)] string? AcceptedOn,
    [property: ExcelColumnName(LedgerColumns.InUseOn)] string? InUseOn,
    [property: ExcelColumnName(LedgerColumns.Note)] string? Note)
{
    /// <summary>The cells in <see cref="LedgerColumns.All"/> order.</summary>
    public IReadOnlyList<string?> Cells =>
        [VillageCode, VillageName, Kind, FloorArea, Functions, Rooms, State, PlannedOn, StartedOn, CompletedOn, AcceptedOn, InUseOn, Note];

    public string? DateOf(VenueState state) => state switch
    {
        VenueState.Planned => PlannedOn,
        VenueState.UnderConstruction => StartedOn,
        VenueState.Completed => CompletedOn,
        VenueState.Accepted => AcceptedOn,
        VenueState.InUse => InUseOn,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <param name="cell">The text of a column of the line, by column name; null when blank or absent.</param>
    public static LedgerRecord From(Func<string, string?> cell) => new(
        cell(LedgerColumns.VillageCode), cell(LedgerColumns.VillageName), cell(LedgerColumns.Kind), cell(LedgerColumns.FloorArea),
        cell(LedgerColumns.Functions), cell(LedgerColumns.Rooms), cell(LedgerColumns.State),
        cell(LedgerColumns.PlannedOn), cell(LedgerColumns.StartedOn), cell(LedgerColumns.CompletedOn), cell(LedgerColumns.AcceptedOn),
        cell(LedgerColumns.InUseOn), cell(LedgerColumns.Note));

    /// <summary>A venue as its ledger line; importing the line again changes nothing.</summary>
    public static LedgerRecord From(Venue venue, UnitReplica village)
    {
        string? Date(VenueState state) => LedgerRow.ReachedOn(venue, state)?.ToString(LedgerRow.DateFormat, CultureInfo.InvariantCulture);
        return new LedgerRecord(
            village.Code, village.Name, venue.Kind.ToString(), venue.FloorArea.ToString("0.##", CultureInfo.InvariantCulture),
            string.Join(LedgerRow.ListSeparator, venue.Functions), string.Join(LedgerRow.ListSeparator, venue.Rooms), venue.State.ToString(),
            Date(VenueState.Planned), Date(VenueState.UnderConstruction), Date(VenueState.Completed), Date(VenueState.Accepted), Date(VenueState.InUse),
            venue.History[^1].Note);
    }
}
