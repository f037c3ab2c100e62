using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Surveys;

/// <summary>Keeps the copy of each organisation's visit figures; batched, as one county's ingest moves hundreds at once.</summary>
public sealed class OrganizationVisitFiguresChangedConsumer(DashboardDb db) : IConsumer<Batch<OrganizationVisitFiguresChanged>>, IInboxConsumer
{
    public static string Name => "dashboard-organization-visit-figures-changed";

    public Task Consume(ConsumeContext<Batch<OrganizationVisitFiguresChanged>> context) =>
        db.ApplyOnceAsync(context, this, (changes, ct) => db.OrganizationVisits.ApplyNewestAsync(
            changes, ids => db.OrganizationVisits.FromSql($"SELECT * FROM organization_visits WHERE scope_entry_id = ANY({ids}) FOR UPDATE"), ct));
}
