using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Assessments;

/// <summary>Keeps the copy of the villages' gradings; batched, as a county decides and the city files many at once.</summary>
public sealed class OrganizationGradedConsumer(DashboardDb db) : IConsumer<Batch<OrganizationGraded>>, IInboxConsumer
{
    public static string Name => "dashboard-organization-graded";

    public Task Consume(ConsumeContext<Batch<OrganizationGraded>> context) =>
        db.ApplyOnceAsync(context, this, (changes, ct) => db.Gradings.ApplyNewestAsync(
            changes, ids => db.Gradings.FromSql($"SELECT * FROM gradings WHERE grading_id = ANY({ids}) FOR UPDATE"), ct));
}
