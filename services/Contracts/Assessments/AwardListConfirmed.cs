namespace PartyPlatform.Contracts.Assessments;

/// <summary>
/// The city confirmed (or confirmed again) a year's award list. Carries the whole list in order; a consumer keeps
/// the newest <see cref="Version"/> per <see cref="AwardListId"/>, which stays the same for a year and kind.
/// Carries no names: a wealth leader is named by Personnel's person id.
/// </summary>
public sealed record AwardListConfirmed(
    Guid AwardListId,
    long Version,
    int Year,
    AwardKind Kind,
    IReadOnlyList<AwardListEntry> Entries,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => AwardListId;
}

/// <summary>One place on an award list.</summary>
/// <param name="Rank">From 1, in the order the city confirmed.</param>
/// <param name="UnitId">The township or village awarded; a wealth leader's unit (their village, township or county).</param>
/// <param name="PersonId">The wealth leader (Personnel's person id); null on the townships' and villages' lists.</param>
/// <param name="Score">The candidate's award score when the list was confirmed.</param>
public sealed record AwardListEntry(int Rank, Guid UnitId, Guid? PersonId, decimal Score);
