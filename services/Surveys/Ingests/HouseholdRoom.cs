namespace PartyPlatform.Surveys.Ingests;

/// <summary>What an organisation holds when a batch of an ingest is merged: its households (null while unknown) and the distinct households visited.</summary>
public sealed record OrganizationHolding(int? Households, int VisitedHouseholds)
{
    /// <summary>The new households it can still take; null when its households are unknown (no limit).</summary>
    public int? Room => Households - VisitedHouseholds;
}

/// <summary>
/// The rule of <c>POST visits</c> for a batch of an ingest: a household new to an organisation may not take its distinct
/// households visited past its households. The batch's new households are taken in the order of their first line; those
/// beyond the room are refused, every line of them. A household visited before (on any day) always has room.
/// </summary>
public static class HouseholdRoom
{
    /// <summary>
    /// Whether any organisation of the batch could pass its households: its distinct households in the batch (an upper
    /// bound of its new ones) against its room. Every batch of a first upload is well inside, and then the households
    /// visited before need not be read.
    /// </summary>
    public static IReadOnlySet<Guid> MayOverflow(IEnumerable<StagedVisit> visits, IReadOnlyDictionary<Guid, OrganizationHolding> holdings) =>
        visits.GroupBy(v => v.OrganizationId)
            .Where(g => holdings[g.Key].Room is { } room && g.Select(v => v.HouseholdKey).Distinct().Count() > room)
            .Select(g => g.Key)
            .ToHashSet();

    /// <param name="visits">The batch's visits in the order of their lines.</param>
    /// <param name="holdings">Each organisation of the batch as it stands.</param>
    /// <param name="visitedBefore">The batch's households that the organisation has a visit of already.</param>
    /// <returns>The households refused: (organisation, household key).</returns>
    public static HashSet<(Guid Organization, string Household)> OverFull(
        IEnumerable<StagedVisit> visits, IReadOnlyDictionary<Guid, OrganizationHolding> holdings, IReadOnlySet<(Guid Organization, string Household)> visitedBefore)
    {
        var taken = new HashSet<(Guid, string)>();
        var newPerOrganization = new Dictionary<Guid, int>();
        var refused = new HashSet<(Guid Organization, string Household)>();
        foreach (var visit in visits)
        {
            var household = (visit.OrganizationId, visit.HouseholdKey);
            if (holdings[visit.OrganizationId].Room is not { } room || visitedBefore.Contains(household) || taken.Contains(household)
                || refused.Contains(household))
            {
                continue;
            }

            var taking = newPerOrganization.GetValueOrDefault(visit.OrganizationId);
            if (taking < room)
            {
                taken.Add(household);
                newPerOrganization[visit.OrganizationId] = taking + 1;
            }
            else
            {
                refused.Add(household);
            }
        }

        return refused;
    }
}
