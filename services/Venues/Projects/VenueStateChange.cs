using PartyPlatform.Contracts.Venues;

namespace PartyPlatform.Venues.Projects;

/// <summary>When a venue reached a state, and who recorded it.</summary>
public sealed class VenueStateChange
{
    public VenueState State { get; private set; }

    public DateOnly On { get; private set; }

    public string Actor { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public string? Note { get; private set; }

    public static VenueStateChange Of(VenueState state, DateOnly on, string actor, DateTimeOffset recordedAt, string? note) =>
        new() { State = state, On = on, Actor = actor, RecordedAt = recordedAt, Note = note };
}
