using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Surveys;

/// <summary>Keeps the copy of the organisations' classifications; batched, as one run of the rule moves a county at once.</summary>
public sealed class OrganizationClassifiedConsumer(DashboardDb db) : IConsumer<Batch<OrganizationClassified>>, IInboxConsumer
{
    public static string Name => "dashboard-organization-classified";

    public Task Consume(ConsumeContext<Batch<OrganizationClassified>> context) =>
        db.ApplyOnceAsync(context, this, (changes, ct) => db.Classifications.ApplyNewestAsync(
            changes, ids => db.Classifications.FromSql($"SELECT * FROM survey_classifications WHERE classification_id = ANY({ids}) FOR UPDATE"), ct));
}
