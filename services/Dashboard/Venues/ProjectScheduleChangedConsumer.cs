using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Venues;

/// <summary>Keeps the copy of each project's schedule state. Batched: the schedule watch marks every project late on one day at once.</summary>
public sealed class ProjectScheduleChangedConsumer(DashboardDb db) : IConsumer<Batch<ProjectScheduleChanged>>, IInboxConsumer
{
    public static string Name => "dashboard-project-schedule-changed";

    public Task Consume(ConsumeContext<Batch<ProjectScheduleChanged>> context) =>
        db.ApplyOnceAsync(context, this, (changes, ct) => db.ProjectSchedules.ApplyNewestAsync(
            changes, ids => db.ProjectSchedules.FromSql($"SELECT * FROM project_schedules WHERE venue_id = ANY({ids}) FOR UPDATE"), ct));
}
