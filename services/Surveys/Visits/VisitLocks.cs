using Microsoft.EntityFrameworkCore;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Visits;

/// <summary>
/// Every write of visits takes the row locks of the organisations it writes to, in one order, before it reads or writes
/// their visits, and holds them until it commits. So two writes to one organisation run one after the other, each sees
/// the other's visits, and an organisation without a visit keeps none until the lock holder commits: an ingest relies on
/// that to copy such an organisation's visits straight into <c>visits</c>.
/// </summary>
public static class VisitLocks
{
    public static Task LockOrganizationsAsync(this SurveysDb db, Guid campaignId, Guid[] organizationIds, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT 1 FROM campaign_organizations WHERE campaign_id = {campaignId} AND organization_id = ANY({organizationIds}) ORDER BY id FOR UPDATE", ct);
}
