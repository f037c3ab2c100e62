using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Assessments.Awards;

/// <param name="Entries">The chosen candidates in order, best first: townships' or villages' unit ids, or wealth leaders'
/// person ids; at most the list's configured places.</param>
public sealed record ConfirmAwardsRequest([property: Required, MinLength(1)] IReadOnlyList<Guid>? Entries);
