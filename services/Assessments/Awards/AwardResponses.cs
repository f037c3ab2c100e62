using PartyPlatform.Contracts.Assessments;

namespace PartyPlatform.Assessments.Awards;

/// <param name="Rank">The place among the city's eligible candidates, from 1; null for the excluded.</param>
/// <param name="WithinPlaces">Ranked within the list's configured places.</param>
/// <param name="UnitId">The township or village; a wealth leader's unit (their names are Personnel's to show).</param>
/// <param name="OrganizationId">A village's Party organisation, which the round graded.</param>
/// <param name="PersonId">A wealth leader, by Personnel's id.</param>
/// <param name="Parts">The score explained: each part of the rule, the fact it came from, its points.</param>
/// <param name="Exclusions">Every reason the candidate is not eligible, each naming its fact; empty when eligible.</param>
public sealed record AwardCandidateResponse(
    int? Rank, bool WithinPlaces, Guid UnitId, string? UnitCode, string UnitName, Guid? OrganizationId, Guid? PersonId, decimal Score,
    IReadOnlyList<ScorePart> Parts, IReadOnlyList<string> Exclusions)
{
    public static AwardCandidateResponse From(RankedCandidate ranked, int places)
    {
        var c = ranked.Candidate;
        return new(ranked.Rank, ranked.Rank <= places, c.UnitId, c.UnitCode, c.UnitName, c.OrganizationId, c.PersonId, c.Assessment.Score,
            c.Assessment.Parts, c.Assessment.Exclusions);
    }
}

/// <param name="Places">How many the list awards (configuration).</param>
/// <param name="Candidates">The caller's unit's candidates, eligible first by rank, then the excluded.</param>
public sealed record AwardCandidatesResponse(int Year, AwardKind Kind, int Places, Page<AwardCandidateResponse> Candidates);

/// <param name="PersonId">A wealth leader, by Personnel's id; null on the townships' and villages' lists.</param>
/// <param name="Score">The candidate's score when the list was confirmed.</param>
public sealed record AwardPlaceResponse(int Rank, Guid UnitId, string? UnitCode, string UnitName, Guid? PersonId, decimal Score);

/// <param name="Places">The places in the caller's unit, in the city's order (ranks are the city-wide list's).</param>
/// <param name="Version">From 1; each confirmation again makes a new version.</param>
public sealed record AwardListResponse(
    Guid Id, int Year, AwardKind Kind, long Version, string ConfirmedBy, DateTimeOffset ConfirmedAt, IReadOnlyList<AwardPlaceResponse> Places);
